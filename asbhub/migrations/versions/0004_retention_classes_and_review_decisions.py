"""retention classes and review decisions

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

Review decisions on records a `review` rule made due; what verification scans the areas for;
and the certificate frozen at verification. Only nullable columns and a new table, so a store
already holding data upgrades in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('disposal_runs', sa.Column('certificate_json', sa.Text(), nullable=True))
    op.add_column(
        'disposal_runs', sa.Column('certificate_sha256', sa.String(length=64), nullable=True)
    )
    op.add_column('disposal_items', sa.Column('scan_terms', sa.JSON(), nullable=True))
    op.create_table(
        'review_decisions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('item_pk', sa.Integer(), nullable=True),
        sa.Column('record_class', sa.String(length=40), nullable=False),
        sa.Column('rule', sa.String(length=80), nullable=False),
        sa.Column('reference_hash', sa.String(length=64), nullable=False),
        sa.Column('decision', sa.String(length=10), nullable=False),
        sa.Column('decided_by', sa.String(length=120), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('next_review_on', sa.Date(), nullable=True),
        sa.Column('applied_run_pk', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ['applied_run_pk'],
            ['disposal_runs.id'],
            name=op.f('fk_review_decisions_applied_run_pk_disposal_runs'),
            ondelete='SET NULL',
        ),
        sa.ForeignKeyConstraint(
            ['item_pk'],
            ['disposal_items.id'],
            name=op.f('fk_review_decisions_item_pk_disposal_items'),
            ondelete='SET NULL',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_review_decisions')),
    )
    with op.batch_alter_table('review_decisions', schema=None) as batch_op:
        batch_op.create_index(
            'ix_review_decisions_class_hash', ['record_class', 'reference_hash'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('review_decisions', schema=None) as batch_op:
        batch_op.drop_index('ix_review_decisions_class_hash')
    op.drop_table('review_decisions')
    with op.batch_alter_table('disposal_items', schema=None) as batch_op:
        batch_op.drop_column('scan_terms')
    with op.batch_alter_table('disposal_runs', schema=None) as batch_op:
        batch_op.drop_column('certificate_sha256')
        batch_op.drop_column('certificate_json')
