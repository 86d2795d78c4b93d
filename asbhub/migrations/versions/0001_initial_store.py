"""initial store

Revision ID: 0001
Revises: 
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('deliveries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.String(length=64), nullable=False),
    sa.Column('partner_id', sa.String(length=40), nullable=False),
    sa.Column('night', sa.Date(), nullable=False),
    sa.Column('previous_batch_id', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('record_count', sa.Integer(), nullable=False),
    sa.Column('notice_count', sa.Integer(), nullable=False),
    sa.Column('files', sa.JSON(), nullable=False),
    sa.Column('staging_path', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('disposed_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deliveries')),
    sa.UniqueConstraint('batch_id', name=op.f('uq_deliveries_batch_id'))
    )
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deliveries_partner_id'), ['partner_id'], unique=False)

    op.create_table('disposal_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.String(length=32), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('schedule_version', sa.String(length=40), nullable=False),
    sa.Column('schedule_digest', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('planned_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('planned_by', sa.String(length=120), nullable=False),
    sa.Column('approved_by', sa.String(length=120), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('executed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('verification', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('ledger_head', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disposal_runs')),
    sa.UniqueConstraint('run_id', name=op.f('uq_disposal_runs_run_id'))
    )
    op.create_table('inbound_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('contract', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('changed_under_old_name', sa.Boolean(), nullable=False),
    sa.Column('rows_in', sa.Integer(), nullable=False),
    sa.Column('rows_loaded', sa.Integer(), nullable=False),
    sa.Column('rows_quarantined', sa.Integer(), nullable=False),
    sa.Column('archive_path', sa.String(length=500), nullable=True),
    sa.Column('rejection_report', sa.String(length=255), nullable=True),
    sa.Column('expectation_result', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbound_files')),
    sa.UniqueConstraint('partner_id', 'name', 'sha256', name=op.f('uq_inbound_files_partner_id_name_sha256'))
    )
    op.create_table('incidents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('incident_ref', sa.String(length=20), nullable=False),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('district', sa.String(length=60), nullable=False),
    sa.Column('is_asb', sa.Boolean(), nullable=False),
    sa.Column('nsir_category', sa.String(length=20), nullable=True),
    sa.Column('asb_type', sa.String(length=40), nullable=True),
    sa.Column('risk_level', sa.String(length=10), nullable=False),
    sa.Column('vulnerable_victim', sa.Boolean(), nullable=False),
    sa.Column('repeat_victim', sa.Boolean(), nullable=False),
    sa.Column('last_review_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('payload', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('payload_cleared_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('source_file', sa.String(length=255), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incidents')),
    sa.UniqueConstraint('incident_ref', name=op.f('uq_incidents_incident_ref'))
    )
    op.create_table('ledger_events',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('justification', sa.Text(), nullable=False),
    sa.Column('recipient', sa.String(length=40), nullable=True),
    sa.Column('reference_hashes', sa.JSON(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_ledger_events')),
    sa.UniqueConstraint('hash', name=op.f('uq_ledger_events_hash'))
    )
    op.create_table('ledger_verifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('by', sa.String(length=120), nullable=False),
    sa.Column('ok', sa.Boolean(), nullable=False),
    sa.Column('events_checked', sa.BigInteger(), nullable=False),
    sa.Column('head_seq', sa.BigInteger(), nullable=True),
    sa.Column('head_hash', sa.String(length=64), nullable=True),
    sa.Column('first_bad_seq', sa.BigInteger(), nullable=True),
    sa.Column('problem', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_verifications'))
    )
    with op.batch_alter_table('ledger_verifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_verifications_at'), ['at'], unique=False)

    op.create_table('legal_holds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('placed_by', sa.String(length=120), nullable=False),
    sa.Column('placed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('removed_by', sa.String(length=120), nullable=True),
    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('removal_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_holds'))
    )
    with op.batch_alter_table('legal_holds', schema=None) as batch_op:
        batch_op.create_index('ix_legal_holds_reference_active', ['reference', 'removed_at'], unique=False)

    op.create_table('watermarks',
    sa.Column('stream', sa.String(length=100), nullable=False),
    sa.Column('value', sa.String(length=100), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('stream', name=op.f('pk_watermarks'))
    )
    op.create_table('disposal_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_pk', sa.Integer(), nullable=False),
    sa.Column('record_class', sa.String(length=40), nullable=False),
    sa.Column('rule', sa.String(length=80), nullable=False),
    sa.Column('target', sa.String(length=500), nullable=False),
    sa.Column('reference_hash', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('disposed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['run_pk'], ['disposal_runs.id'], name=op.f('fk_disposal_items_run_pk_disposal_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disposal_items')),
    sa.UniqueConstraint('run_pk', 'record_class', 'target', name=op.f('uq_disposal_items_run_pk_record_class_target')),
    postgresql_with={'fillfactor': 50}
    )
    with op.batch_alter_table('disposal_items', schema=None) as batch_op:
        batch_op.create_index('ix_disposal_items_reference_hash', ['reference_hash'], unique=False)
        batch_op.create_index('ix_disposal_items_run_class_id', ['run_pk', 'record_class', 'id'], unique=False)

    op.create_table('disposal_notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.String(length=24), nullable=False),
    sa.Column('run_pk', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.String(length=40), nullable=False),
    sa.Column('referral_id', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('acknowledge_by', sa.Date(), nullable=False),
    sa.Column('batch_id', sa.String(length=64), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['run_pk'], ['disposal_runs.id'], name=op.f('fk_disposal_notices_run_pk_disposal_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disposal_notices')),
    sa.UniqueConstraint('notice_id', name=op.f('uq_disposal_notices_notice_id'))
    )
    with op.batch_alter_table('disposal_notices', schema=None) as batch_op:
        batch_op.create_index('ix_disposal_notices_partner_ack', ['partner_id', 'acknowledged_at'], unique=False)

    op.create_table('ledger_references',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('reference_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['seq'], ['ledger_events.seq'], name=op.f('fk_ledger_references_seq_ledger_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_references'))
    )
    with op.batch_alter_table('ledger_references', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_references_reference_hash', ['reference_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_references_seq'), ['seq'], unique=False)

    op.create_table('quarantine',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('partner_id', sa.String(length=40), nullable=True),
    sa.Column('inbound_file_id', sa.Integer(), nullable=True),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=True),
    sa.Column('line', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=80), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=True),
    sa.Column('original_path', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['inbound_file_id'], ['inbound_files.id'], name=op.f('fk_quarantine_inbound_file_id_inbound_files'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quarantine'))
    )
    with op.batch_alter_table('quarantine', schema=None) as batch_op:
        batch_op.create_index('ix_quarantine_created_at', ['created_at'], unique=False)

    op.create_table('referrals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_id', sa.String(length=20), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('high_risk', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('batch_id', sa.String(length=64), nullable=True),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('outcome_status', sa.String(length=20), nullable=True),
    sa.Column('lead_agency_accepted', sa.Boolean(), nullable=True),
    sa.Column('actions', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('closed_at', sa.Date(), nullable=True),
    sa.Column('last_outcome_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('tokens', sa.JSON(none_as_null=True), nullable=True),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_referrals_incident_id_incidents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referrals')),
    sa.UniqueConstraint('incident_id', 'partner_id', name=op.f('uq_referrals_incident_id_partner_id')),
    sa.UniqueConstraint('referral_id', name=op.f('uq_referrals_referral_id'))
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index('ix_referrals_closed_at', ['closed_at'], unique=False)
        batch_op.create_index('ix_referrals_partner_status', ['partner_id', 'status'], unique=False)

    op.create_table('outcomes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.String(length=40), nullable=False),
    sa.Column('outcome_id', sa.String(length=64), nullable=False),
    sa.Column('referral_pk', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('lead_agency_accepted', sa.Boolean(), nullable=True),
    sa.Column('actions', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('action_date', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('notes_redacted', sa.Text(), nullable=True),
    sa.Column('inbound_file_id', sa.Integer(), nullable=True),
    sa.Column('line', sa.Integer(), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['inbound_file_id'], ['inbound_files.id'], name=op.f('fk_outcomes_inbound_file_id_inbound_files'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['referral_pk'], ['referrals.id'], name=op.f('fk_outcomes_referral_pk_referrals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcomes')),
    sa.UniqueConstraint('partner_id', 'outcome_id', name=op.f('uq_outcomes_partner_id_outcome_id'))
    )
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcomes_referral_pk'), ['referral_pk'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcomes_referral_pk'))

    op.drop_table('outcomes')
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.drop_index('ix_referrals_partner_status')
        batch_op.drop_index('ix_referrals_closed_at')

    op.drop_table('referrals')
    with op.batch_alter_table('quarantine', schema=None) as batch_op:
        batch_op.drop_index('ix_quarantine_created_at')

    op.drop_table('quarantine')
    with op.batch_alter_table('ledger_references', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_references_seq'))
        batch_op.drop_index('ix_ledger_references_reference_hash')

    op.drop_table('ledger_references')
    with op.batch_alter_table('disposal_notices', schema=None) as batch_op:
        batch_op.drop_index('ix_disposal_notices_partner_ack')

    op.drop_table('disposal_notices')
    with op.batch_alter_table('disposal_items', schema=None) as batch_op:
        batch_op.drop_index('ix_disposal_items_run_class_id')
        batch_op.drop_index('ix_disposal_items_reference_hash')

    op.drop_table('disposal_items')
    op.drop_table('watermarks')
    with op.batch_alter_table('legal_holds', schema=None) as batch_op:
        batch_op.drop_index('ix_legal_holds_reference_active')

    op.drop_table('legal_holds')
    with op.batch_alter_table('ledger_verifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_verifications_at'))

    op.drop_table('ledger_verifications')
    op.drop_table('ledger_events')
    op.drop_table('incidents')
    op.drop_table('inbound_files')
    op.drop_table('disposal_runs')
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deliveries_partner_id'))

    op.drop_table('deliveries')

