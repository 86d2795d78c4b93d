"""ASB Case Review (Community Trigger) flags

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

Incidents keep keyed identities of their victim, location and household (digests made at
ingest, no values), and the triggers raised from them are kept with the incidents they count.
Nullable columns and new tables: a store already holding data upgrades in place; an incident
ingested before has no keys and counts towards no trigger.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('victim_key', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('location_key', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('household_key', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_incidents_victim_key'), ['victim_key'], unique=False)
        batch_op.create_index(
            batch_op.f('ix_incidents_location_key'), ['location_key'], unique=False
        )
    op.create_table(
        'case_review_triggers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('trigger_id', sa.String(length=24), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('subject_key', sa.String(length=64), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('opened_as_of', sa.Date(), nullable=False),
        sa.Column('window', sa.String(length=10), nullable=False),
        sa.Column('threshold', sa.Integer(), nullable=False),
        sa.Column('last_evaluated_as_of', sa.Date(), nullable=False),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('closed_by', sa.String(length=120), nullable=True),
        sa.Column('close_reason', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_case_review_triggers')),
        sa.UniqueConstraint('trigger_id', name=op.f('uq_case_review_triggers_trigger_id')),
    )
    with op.batch_alter_table('case_review_triggers', schema=None) as batch_op:
        batch_op.create_index(
            'ix_case_review_triggers_kind_status', ['kind', 'status'], unique=False
        )
    op.create_table(
        'case_review_incidents',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('trigger_pk', sa.Integer(), nullable=False),
        sa.Column('incident_id', sa.Integer(), nullable=False),
        sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['trigger_pk'],
            ['case_review_triggers.id'],
            name=op.f('fk_case_review_incidents_trigger_pk_case_review_triggers'),
            ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['incident_id'],
            ['incidents.id'],
            name=op.f('fk_case_review_incidents_incident_id_incidents'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_case_review_incidents')),
        sa.UniqueConstraint(
            'trigger_pk',
            'incident_id',
            name=op.f('uq_case_review_incidents_trigger_pk_incident_id'),
        ),
    )
    with op.batch_alter_table('case_review_incidents', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_case_review_incidents_incident_id'), ['incident_id'], unique=False
        )
        batch_op.create_index(
            batch_op.f('ix_case_review_incidents_trigger_pk'), ['trigger_pk'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('case_review_incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_review_incidents_trigger_pk'))
        batch_op.drop_index(batch_op.f('ix_case_review_incidents_incident_id'))
    op.drop_table('case_review_incidents')
    with op.batch_alter_table('case_review_triggers', schema=None) as batch_op:
        batch_op.drop_index('ix_case_review_triggers_kind_status')
    op.drop_table('case_review_triggers')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incidents_location_key'))
        batch_op.drop_index(batch_op.f('ix_incidents_victim_key'))
        batch_op.drop_column('household_key')
        batch_op.drop_column('location_key')
        batch_op.drop_column('victim_key')
