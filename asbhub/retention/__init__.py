"""Retention and disposal: schedule, legal holds, plan, approval, execution, verification, proof."""
