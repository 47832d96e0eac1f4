"""import_perubahan.dari_impor: which imports wrote the rows an import changed

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One change record holds the before-image of many rows; `dari_impor` lists the imports that had
    # written them, so that undo can tell cheaply whether a later import changed an import's rows.
    with op.batch_alter_table('import_perubahan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dari_impor', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('import_perubahan', schema=None) as batch_op:
        batch_op.drop_column('dari_impor')
