"""import_perubahan.dari_impor: which imports wrote the rows an import changed

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""
import json

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

PERUBAHAN = sa.table('import_perubahan', sa.column('id', sa.Integer), sa.column('sebelum', sa.Text),
                     sa.column('sesudah', sa.Text), sa.column('dari_impor', sa.Text))


def upgrade() -> None:
    # One change record holds the before-image of many rows; `dari_impor` lists the imports that had
    # written them, so that undo can tell cheaply whether a later import changed an import's rows.
    with op.batch_alter_table('import_perubahan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dari_impor', sa.Text(), nullable=True))
    # The records written before the column existed (a database made at 0001, or one downgraded and upgraded
    # again) get it from what they hold, as the import engine derives it (dashboard.impor.tulis.dari_impor):
    # without it, undo would no longer see which later imports depend on an import.
    conn = op.get_bind()
    ids = [i for (i,) in conn.execute(sa.select(PERUBAHAN.c.id).where(PERUBAHAN.c.dari_impor.is_(None)))]
    for awal in range(0, len(ids), 50):
        rows = conn.execute(sa.select(PERUBAHAN.c.id, PERUBAHAN.c.sebelum, PERUBAHAN.c.sesudah)
                            .where(PERUBAHAN.c.id.in_(ids[awal:awal + 50]))).all()
        conn.execute(PERUBAHAN.update().where(PERUBAHAN.c.id == sa.bindparam('b_id'))
                     .values(dari_impor=sa.bindparam('b_dari')),
                     [{'b_id': r.id, 'b_dari': json.dumps(_dari(r.sebelum, r.sesudah))} for r in rows])


def _dari(sebelum: str | None, sesudah: str | None) -> list[int]:
    dari = set(json.loads(sesudah or '{}').get('tetap_dari', []))
    if sebelum:
        isi = json.loads(sebelum)
        i = isi['kolom'].index('import_id')
        dari.update(r[i] for r in isi['baris'] if r[i] is not None)
    return sorted(dari)


def downgrade() -> None:
    with op.batch_alter_table('import_perubahan', schema=None) as batch_op:
        batch_op.drop_column('dari_impor')
