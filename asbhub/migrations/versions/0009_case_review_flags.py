"""what partners have been told of Community Trigger flags

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03

A partner's nightly batch carries a `case-review-flag/1.0` file: one row per referral it holds
and trigger that counts the referral's incident, when the trigger opens (or extends to the
incident) and once more when it is closed. Each row told is kept, bound to its batch, so it is
told once; it goes with its referral or its trigger. A new table: a store already holding data
upgrades in place, and open triggers are told to their partners in the next night's batch.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'case_review_flags',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('referral_pk', sa.Integer(), nullable=False),
        sa.Column('trigger_pk', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('batch_id', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ['referral_pk'],
            ['referrals.id'],
            name=op.f('fk_case_review_flags_referral_pk_referrals'),
            ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['trigger_pk'],
            ['case_review_triggers.id'],
            name=op.f('fk_case_review_flags_trigger_pk_case_review_triggers'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_case_review_flags')),
        sa.UniqueConstraint(
            'referral_pk',
            'trigger_pk',
            'status',
            name=op.f('uq_case_review_flags_referral_pk_trigger_pk_status'),
        ),
    )
    with op.batch_alter_table('case_review_flags', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_case_review_flags_batch_id'), ['batch_id'], unique=False
        )
        batch_op.create_index(
            batch_op.f('ix_case_review_flags_referral_pk'), ['referral_pk'], unique=False
        )
        batch_op.create_index(
            batch_op.f('ix_case_review_flags_trigger_pk'), ['trigger_pk'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('case_review_flags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_review_flags_trigger_pk'))
        batch_op.drop_index(batch_op.f('ix_case_review_flags_referral_pk'))
        batch_op.drop_index(batch_op.f('ix_case_review_flags_batch_id'))
    op.drop_table('case_review_flags')
