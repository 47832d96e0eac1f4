"""Shapes of other offices' data: SKM per layanan and per semester/year, desa counts per status

- `skm_rekap.layanan` ('' = the whole kecamatan) joins the natural key, so that a portal's IKM per layanan
  imports instead of colliding; `skm_rekap.periode` and `skm_responden.periode` (triwulan | semester | tahunan)
  keep what kind of survey a figure comes from, stored in the TW it is shown in.
- `desa_rekap`: how many desa had each status in a year (satu-data tables of counts, no desa names).
- `desa_status.skema` may be empty: a file that names no scheme follows the kecamatan's setting.

Downgrade drops the per-layanan rekap rows (the old key cannot hold them), the period kinds and the counts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

KUNCI_LAMA = ['kecamatan_id', 'tahun', 'triwulan', 'unsur']
KUNCI_BARU = ['kecamatan_id', 'tahun', 'triwulan', 'layanan', 'unsur']
# SQLite reflects the unnamed unique constraint of 0001 without a name: batch mode names it by this convention.
KONVENSI = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def _nama_unik(tabel: str, kolom: list[str]) -> str:
    for uc in sa.inspect(op.get_bind()).get_unique_constraints(tabel):
        if list(uc['column_names']) == kolom and uc.get('name'):
            return uc['name']
    return KONVENSI["uq"] % {"table_name": tabel, "column_0_name": kolom[0]}


def upgrade() -> None:
    lama = _nama_unik('skm_rekap', KUNCI_LAMA)
    with op.batch_alter_table('skm_rekap', schema=None, naming_convention=KONVENSI) as batch_op:
        batch_op.add_column(sa.Column('layanan', sa.String(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('periode', sa.String(), nullable=False, server_default='triwulan'))
        batch_op.drop_constraint(lama, type_='unique')
        batch_op.create_unique_constraint('uq_skm_rekap_kunci', KUNCI_BARU)
    with op.batch_alter_table('skm_responden', schema=None) as batch_op:
        batch_op.add_column(sa.Column('periode', sa.String(), nullable=False, server_default='triwulan'))
    with op.batch_alter_table('desa_status', schema=None) as batch_op:
        batch_op.alter_column('skema', existing_type=sa.String(), nullable=True)
    op.create_table(
        'desa_rekap',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kecamatan_id', sa.Integer(), nullable=False),
        sa.Column('tahun', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(), nullable=False),
        sa.Column('jumlah', sa.Integer(), nullable=False),
        sa.Column('import_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['kecamatan_id'], ['kecamatan.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('kecamatan_id', 'tahun', 'status', name='uq_desa_rekap_kunci'),
    )
    with op.batch_alter_table('desa_rekap', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_desa_rekap_kecamatan_id'), ['kecamatan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_desa_rekap_tahun'), ['tahun'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('desa_rekap', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_desa_rekap_tahun'))
        batch_op.drop_index(batch_op.f('ix_desa_rekap_kecamatan_id'))
    op.drop_table('desa_rekap')
    # An empty scheme meant "the kecamatan's setting": write the setting in force (else the default).
    op.execute(sa.text(
        "UPDATE desa_status SET skema = COALESCE("
        "(SELECT p.nilai FROM pengaturan p JOIN desa d ON d.kecamatan_id = p.kecamatan_id "
        " WHERE d.id = desa_status.desa_id AND p.kunci = 'skema_desa'), "
        "(SELECT p.nilai FROM pengaturan p WHERE p.kecamatan_id = 0 AND p.kunci = 'skema_desa'), "
        "'indeks_desa_2024') WHERE skema IS NULL"))
    with op.batch_alter_table('desa_status', schema=None) as batch_op:
        batch_op.alter_column('skema', existing_type=sa.String(), nullable=False)
    # The old key (kecamatan, tahun, triwulan, unsur) holds one row per unsur: per-layanan rows cannot stay.
    op.execute(sa.text("DELETE FROM skm_rekap WHERE layanan <> ''"))
    with op.batch_alter_table('skm_rekap', schema=None) as batch_op:
        batch_op.drop_constraint('uq_skm_rekap_kunci', type_='unique')
        batch_op.create_unique_constraint(
            'skm_rekap_kecamatan_id_tahun_triwulan_unsur_key' if op.get_bind().dialect.name == 'postgresql'
            else KONVENSI["uq"] % {"table_name": 'skm_rekap', "column_0_name": KUNCI_LAMA[0]}, KUNCI_LAMA)
        batch_op.drop_column('periode')
        batch_op.drop_column('layanan')
    with op.batch_alter_table('skm_responden', schema=None) as batch_op:
        batch_op.drop_column('periode')
