"""ASB Case Review (Community Trigger): complaints counted per keyed victim and per keyed
location in a rolling window, triggers raised once when a threshold is met, and the referrals
they flag for the partners and the force."""
