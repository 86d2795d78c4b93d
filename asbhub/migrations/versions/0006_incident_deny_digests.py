"""incidents keep a keyed deny list

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

The notes partners send back about a referral are redacted with the referral's own deny list.
Once an incident's detail is cleared that list survives only as keyed digests of its values'
forms (asbhub.minimise.deny_lists), kept at staging. A nullable column: a store already holding
data upgrades in place; an incident delivered before has none (its notes are redacted by the
engine's recognisers alone), one staged from now on has them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deny_digests', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_column('deny_digests')
