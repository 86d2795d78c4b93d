"""routing and set-aside

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

Incidents record how they were routed (an unroutable one is held with its reason), a
partner's batch records how many referrals it set aside, and set-aside referrals are kept
with their reason and release.
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# Incidents loaded before routing was recorded: referred ones were routed, those judged not
# ASB were not, and an ASB incident referred to no one was dropped with its detail erased.
BACKFILL_NOT_ASB = "UPDATE incidents SET routing_status = 'not_asb' WHERE is_asb = :false"
BACKFILL_DROPPED = (
    "UPDATE incidents SET routing_status = 'unroutable', routing_reason = :reason "
    "WHERE is_asb = :true AND NOT EXISTS "
    "(SELECT 1 FROM referrals WHERE referrals.incident_id = incidents.id)"
)
DROPPED_REASON = (
    "referred to no partner when ingested, before unroutable incidents were held; its detail "
    "was erased then, so it cannot be routed again: ask the force to send it again"
)


def upgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'routing_status', sa.String(length=20), nullable=False, server_default='routed'
            )
        )
        batch_op.add_column(sa.Column('routing_reason', sa.Text(), nullable=True))
        batch_op.create_index('ix_incidents_routing_status', ['routing_status'], unique=False)
    op.execute(sa.text(BACKFILL_NOT_ASB).bindparams(false=False))
    op.execute(sa.text(BACKFILL_DROPPED).bindparams(true=True, reason=DROPPED_REASON))

    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('set_aside_count', sa.Integer(), nullable=False, server_default='0')
        )

    op.create_table('set_asides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_pk', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.String(length=40), nullable=False),
    sa.Column('batch_id', sa.String(length=64), nullable=False),
    sa.Column('check', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('set_aside_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('released_by', sa.String(length=120), nullable=True),
    sa.Column('released_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('release_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['referral_pk'], ['referrals.id'], name=op.f('fk_set_asides_referral_pk_referrals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_set_asides'))
    )
    with op.batch_alter_table('set_asides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_set_asides_referral_pk'), ['referral_pk'], unique=False)
        batch_op.create_index('ix_set_asides_partner_released', ['partner_id', 'released_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('set_asides', schema=None) as batch_op:
        batch_op.drop_index('ix_set_asides_partner_released')
        batch_op.drop_index(batch_op.f('ix_set_asides_referral_pk'))
    op.drop_table('set_asides')
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_column('set_aside_count')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index('ix_incidents_routing_status')
        batch_op.drop_column('routing_reason')
        batch_op.drop_column('routing_status')
