"""Minimisation: the ISA projection of a referral, and the keys behind its pseudonyms."""
