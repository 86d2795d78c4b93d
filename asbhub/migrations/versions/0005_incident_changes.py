"""incident changes reach partners

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

A re-extracted incident is compared field by field with what the hub last received (keyed
digests, no values), and each partner holding a referral for it is sent an update or a
withdrawal. Nullable columns, a defaulted revision and a new table: a store already holding
data upgrades in place (its incidents are at revision 1, with no digests until next received).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('field_digests', sa.JSON(), nullable=True))
        batch_op.add_column(
            sa.Column('revision', sa.Integer(), server_default='1', nullable=False)
        )
        batch_op.add_column(sa.Column('revised_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        'referral_changes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('change_id', sa.String(length=24), nullable=False),
        sa.Column('referral_pk', sa.Integer(), nullable=False),
        sa.Column('partner_id', sa.String(length=40), nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('changed_fields', sa.JSON(), nullable=False),
        sa.Column('escalated', sa.Boolean(), nullable=False),
        sa.Column('reason', sa.String(length=200), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('batch_id', sa.String(length=64), nullable=True),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ['referral_pk'],
            ['referrals.id'],
            name=op.f('fk_referral_changes_referral_pk_referrals'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_changes')),
        sa.UniqueConstraint('change_id', name=op.f('uq_referral_changes_change_id')),
    )
    with op.batch_alter_table('referral_changes', schema=None) as batch_op:
        batch_op.create_index(
            'ix_referral_changes_partner_batch', ['partner_id', 'batch_id'], unique=False
        )
        batch_op.create_index(
            batch_op.f('ix_referral_changes_referral_pk'), ['referral_pk'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('referral_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_changes_referral_pk'))
        batch_op.drop_index('ix_referral_changes_partner_batch')
    op.drop_table('referral_changes')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_column('revised_at')
        batch_op.drop_column('revision')
        batch_op.drop_column('field_digests')
