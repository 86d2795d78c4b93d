"""disposal runs are approved stage by stage

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03

The retention schedule names its review stages (information manager, then data protection
officer, say); each stage's decision on a run is one row: who, when, approve or reject with the
reason, and the counts per class they were shown. A run approved before this revision keeps its
single approver on the run itself.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'disposal_approvals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('run_pk', sa.Integer(), nullable=False),
        sa.Column('stage', sa.String(length=40), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=120), nullable=False),
        sa.Column('decision', sa.String(length=10), nullable=False),
        sa.Column('decided_by', sa.String(length=120), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('seen', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['run_pk'], ['disposal_runs.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('run_pk', 'stage'),
    )


def downgrade() -> None:
    op.drop_table('disposal_approvals')
