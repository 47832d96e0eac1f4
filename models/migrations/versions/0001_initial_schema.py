"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('import_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('waktu', sa.DateTime(timezone=True), nullable=False),
    sa.Column('pengguna', sa.String(), nullable=False),
    sa.Column('dataset', sa.String(), nullable=False),
    sa.Column('nama_file', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('kecamatan_id', sa.Integer(), nullable=True),
    sa.Column('tahun', sa.Integer(), nullable=True),
    sa.Column('triwulan', sa.Integer(), nullable=True),
    sa.Column('opsi', sa.Text(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('baris_dibaca', sa.Integer(), nullable=False),
    sa.Column('baris_baru', sa.Integer(), nullable=False),
    sa.Column('baris_berubah', sa.Integer(), nullable=False),
    sa.Column('baris_tetap', sa.Integer(), nullable=False),
    sa.Column('baris_ditolak', sa.Integer(), nullable=False),
    sa.Column('galat', sa.Text(), nullable=False),
    sa.Column('peringatan', sa.Text(), nullable=False),
    sa.Column('isi_file', sa.LargeBinary(), nullable=True),
    sa.Column('dibatalkan_pada', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('import_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_log_kecamatan_id'), ['kecamatan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_log_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_log_waktu'), ['waktu'], unique=False)

    op.create_table('kecamatan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nama', sa.String(), nullable=False),
    sa.Column('kabupaten', sa.String(), nullable=False),
    sa.Column('sintetis', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('kecamatan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kecamatan_kabupaten'), ['kabupaten'], unique=False)
        batch_op.create_index(batch_op.f('ix_kecamatan_nama'), ['nama'], unique=True)

    op.create_table('pemetaan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nama', sa.String(), nullable=False),
    sa.Column('dataset', sa.String(), nullable=False),
    sa.Column('peta', sa.Text(), nullable=False),
    sa.Column('dibuat', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('nama', 'dataset')
    )
    op.create_table('pengaturan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kecamatan_id', sa.Integer(), nullable=False),
    sa.Column('kunci', sa.String(), nullable=False),
    sa.Column('nilai', sa.Text(), nullable=False),
    sa.Column('diubah', sa.DateTime(timezone=True), nullable=False),
    sa.Column('pengguna', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kecamatan_id', 'kunci')
    )
    op.create_table('pengaturan_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('waktu', sa.DateTime(timezone=True), nullable=False),
    sa.Column('pengguna', sa.String(), nullable=False),
    sa.Column('kecamatan_id', sa.Integer(), nullable=False),
    sa.Column('kunci', sa.String(), nullable=False),
    sa.Column('nilai_lama', sa.Text(), nullable=True),
    sa.Column('nilai_baru', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('skala',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nama', sa.String(), nullable=False),
    sa.Column('batas_bawah', sa.Float(), nullable=False),
    sa.Column('inklusif', sa.Boolean(), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('warna', sa.String(), nullable=True),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('nama', 'batas_bawah')
    )
    with op.batch_alter_table('skala', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skala_nama'), ['nama'], unique=False)

    op.create_table('skm_jawaban',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unsur', sa.String(), nullable=True),
    sa.Column('teks', sa.String(), nullable=False),
    sa.Column('skor', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('unsur', 'teks')
    )
    op.create_table('anggaran',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kecamatan_id', sa.Integer(), nullable=False),
    sa.Column('tahun', sa.Integer(), nullable=False),
    sa.Column('kode', sa.String(), nullable=False),
    sa.Column('uraian', sa.Text(), nullable=False),
    sa.Column('pagu_murni_sen', sa.BigInteger(), nullable=True),
    sa.Column('pagu_perubahan_sen', sa.BigInteger(), nullable=True),
    sa.Column('jenis_belanja', sa.String(), nullable=True),
    sa.Column('rencana_tw1_sen', sa.BigInteger(), nullable=True),
    sa.Column('rencana_tw2_sen', sa.BigInteger(), nullable=True),
    sa.Column('rencana_tw3_sen', sa.BigInteger(), nullable=True),
    sa.Column('rencana_tw4_sen', sa.BigInteger(), nullable=True),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['kecamatan_id'], ['kecamatan.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kecamatan_id', 'tahun', 'kode')
    )
    with op.batch_alter_table('anggaran', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_anggaran_kecamatan_id'), ['kecamatan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_anggaran_tahun'), ['tahun'], unique=False)

    op.create_table('desa',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kecamatan_id', sa.Integer(), nullable=False),
    sa.Column('nama', sa.String(), nullable=False),
    sa.Column('kode', sa.String(), nullable=True),
    sa.Column('jenis', sa.String(), nullable=False),
    sa.Column('definitif', sa.Boolean(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['kecamatan_id'], ['kecamatan.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kecamatan_id', 'nama')
    )
    with op.batch_alter_table('desa', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_desa_kecamatan_id'), ['kecamatan_id'], unique=False)

    op.create_table('import_perubahan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('tabel', sa.String(), nullable=False),
    sa.Column('kunci', sa.String(), nullable=False),
    sa.Column('sebelum', sa.Text(), nullable=True),
    sa.Column('sesudah', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['import_id'], ['import_log.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('import_perubahan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_perubahan_import_id'), ['import_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_perubahan_kunci'), ['kunci'], unique=False)

    op.create_table('indikator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kecamatan_id', sa.Integer(), nullable=False),
    sa.Column('kode', sa.String(), nullable=False),
    sa.Column('nama', sa.String(), nullable=False),
    sa.Column('sasaran', sa.String(), nullable=True),
    sa.Column('satuan', sa.String(), nullable=True),
    sa.Column('jenis', sa.String(), nullable=False),
    sa.Column('polaritas', sa.String(), nullable=False),
    sa.Column('agregasi', sa.String(), nullable=False),
    sa.Column('hitung', sa.String(), nullable=True),
    sa.Column('nol_per_nol', sa.Float(), nullable=True),
    sa.Column('urutan', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['kecamatan_id'], ['kecamatan.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kecamatan_id', 'kode')
    )
    with op.batch_alter_table('indikator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indikator_kecamatan_id'), ['kecamatan_id'], unique=False)

    op.create_table('skm_rekap',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kecamatan_id', sa.Integer(), nullable=False),
    sa.Column('tahun', sa.Integer(), nullable=False),
    sa.Column('triwulan', sa.Integer(), nullable=False),
    sa.Column('unsur', sa.String(), nullable=False),
    sa.Column('nilai', sa.Float(), nullable=False),
    sa.Column('responden', sa.Integer(), nullable=True),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['kecamatan_id'], ['kecamatan.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kecamatan_id', 'tahun', 'triwulan', 'unsur')
    )
    with op.batch_alter_table('skm_rekap', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skm_rekap_kecamatan_id'), ['kecamatan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_skm_rekap_tahun'), ['tahun'], unique=False)

    op.create_table('skm_responden',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kecamatan_id', sa.Integer(), nullable=False),
    sa.Column('tahun', sa.Integer(), nullable=False),
    sa.Column('triwulan', sa.Integer(), nullable=False),
    sa.Column('id_responden', sa.String(), nullable=True),
    sa.Column('tanggal', sa.String(), nullable=True),
    sa.Column('layanan', sa.String(), nullable=True),
    sa.Column('jenis_kelamin', sa.String(), nullable=True),
    sa.Column('umur', sa.Integer(), nullable=True),
    sa.Column('pendidikan', sa.String(), nullable=True),
    sa.Column('pekerjaan', sa.String(), nullable=True),
    sa.Column('saran', sa.Text(), nullable=True),
    sa.Column('u1', sa.Integer(), nullable=True),
    sa.Column('u2', sa.Integer(), nullable=True),
    sa.Column('u3', sa.Integer(), nullable=True),
    sa.Column('u4', sa.Integer(), nullable=True),
    sa.Column('u5', sa.Integer(), nullable=True),
    sa.Column('u6', sa.Integer(), nullable=True),
    sa.Column('u7', sa.Integer(), nullable=True),
    sa.Column('u8', sa.Integer(), nullable=True),
    sa.Column('u9', sa.Integer(), nullable=True),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['kecamatan_id'], ['kecamatan.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('skm_responden', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skm_responden_import_id'), ['import_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_skm_responden_kecamatan_id'), ['kecamatan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_skm_responden_tahun'), ['tahun'], unique=False)

    op.create_table('anggaran_realisasi',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('anggaran_id', sa.Integer(), nullable=False),
    sa.Column('triwulan', sa.Integer(), nullable=False),
    sa.Column('jumlah_sen', sa.BigInteger(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['anggaran_id'], ['anggaran.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('anggaran_id', 'triwulan')
    )
    with op.batch_alter_table('anggaran_realisasi', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_anggaran_realisasi_anggaran_id'), ['anggaran_id'], unique=False)

    op.create_table('desa_status',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desa_id', sa.Integer(), nullable=False),
    sa.Column('tahun', sa.Integer(), nullable=False),
    sa.Column('skema', sa.String(), nullable=False),
    sa.Column('skor', sa.Float(), nullable=True),
    sa.Column('status', sa.String(), nullable=True),
    sa.Column('layanan_dasar', sa.Float(), nullable=True),
    sa.Column('sosial', sa.Float(), nullable=True),
    sa.Column('ekonomi', sa.Float(), nullable=True),
    sa.Column('lingkungan', sa.Float(), nullable=True),
    sa.Column('aksesibilitas', sa.Float(), nullable=True),
    sa.Column('tata_kelola', sa.Float(), nullable=True),
    sa.Column('iks', sa.Float(), nullable=True),
    sa.Column('ike', sa.Float(), nullable=True),
    sa.Column('ikl', sa.Float(), nullable=True),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['desa_id'], ['desa.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('desa_id', 'tahun')
    )
    with op.batch_alter_table('desa_status', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_desa_status_desa_id'), ['desa_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_desa_status_tahun'), ['tahun'], unique=False)

    op.create_table('realisasi',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indikator_id', sa.Integer(), nullable=False),
    sa.Column('tahun', sa.Integer(), nullable=False),
    sa.Column('triwulan', sa.Integer(), nullable=False),
    sa.Column('nilai', sa.Float(), nullable=True),
    sa.Column('keterangan', sa.Text(), nullable=True),
    sa.Column('faktor_pendorong', sa.Text(), nullable=True),
    sa.Column('faktor_penghambat', sa.Text(), nullable=True),
    sa.Column('tindak_lanjut', sa.Text(), nullable=True),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['indikator_id'], ['indikator.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('indikator_id', 'tahun', 'triwulan')
    )
    with op.batch_alter_table('realisasi', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_realisasi_indikator_id'), ['indikator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_realisasi_tahun'), ['tahun'], unique=False)

    op.create_table('target',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indikator_id', sa.Integer(), nullable=False),
    sa.Column('tahun', sa.Integer(), nullable=False),
    sa.Column('versi', sa.String(), nullable=False),
    sa.Column('urutan_versi', sa.Integer(), nullable=False),
    sa.Column('target', sa.Float(), nullable=True),
    sa.Column('target_tw1', sa.Float(), nullable=True),
    sa.Column('target_tw2', sa.Float(), nullable=True),
    sa.Column('target_tw3', sa.Float(), nullable=True),
    sa.Column('target_tw4', sa.Float(), nullable=True),
    sa.Column('target_renstra', sa.Float(), nullable=True),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['indikator_id'], ['indikator.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('indikator_id', 'tahun', 'versi')
    )
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_indikator_id'), ['indikator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_target_tahun'), ['tahun'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_tahun'))
        batch_op.drop_index(batch_op.f('ix_target_indikator_id'))

    op.drop_table('target')
    with op.batch_alter_table('realisasi', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_realisasi_tahun'))
        batch_op.drop_index(batch_op.f('ix_realisasi_indikator_id'))

    op.drop_table('realisasi')
    with op.batch_alter_table('desa_status', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_desa_status_tahun'))
        batch_op.drop_index(batch_op.f('ix_desa_status_desa_id'))

    op.drop_table('desa_status')
    with op.batch_alter_table('anggaran_realisasi', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_anggaran_realisasi_anggaran_id'))

    op.drop_table('anggaran_realisasi')
    with op.batch_alter_table('skm_responden', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_skm_responden_tahun'))
        batch_op.drop_index(batch_op.f('ix_skm_responden_kecamatan_id'))
        batch_op.drop_index(batch_op.f('ix_skm_responden_import_id'))

    op.drop_table('skm_responden')
    with op.batch_alter_table('skm_rekap', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_skm_rekap_tahun'))
        batch_op.drop_index(batch_op.f('ix_skm_rekap_kecamatan_id'))

    op.drop_table('skm_rekap')
    with op.batch_alter_table('indikator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indikator_kecamatan_id'))

    op.drop_table('indikator')
    with op.batch_alter_table('import_perubahan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_perubahan_kunci'))
        batch_op.drop_index(batch_op.f('ix_import_perubahan_import_id'))

    op.drop_table('import_perubahan')
    with op.batch_alter_table('desa', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_desa_kecamatan_id'))

    op.drop_table('desa')
    with op.batch_alter_table('anggaran', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_anggaran_tahun'))
        batch_op.drop_index(batch_op.f('ix_anggaran_kecamatan_id'))

    op.drop_table('anggaran')
    op.drop_table('skm_jawaban')
    with op.batch_alter_table('skala', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_skala_nama'))

    op.drop_table('skala')
    op.drop_table('pengaturan_log')
    op.drop_table('pengaturan')
    op.drop_table('pemetaan')
    with op.batch_alter_table('kecamatan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kecamatan_nama'))
        batch_op.drop_index(batch_op.f('ix_kecamatan_kabupaten'))

    op.drop_table('kecamatan')
    with op.batch_alter_table('import_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_log_waktu'))
        batch_op.drop_index(batch_op.f('ix_import_log_sha256'))
        batch_op.drop_index(batch_op.f('ix_import_log_kecamatan_id'))

    op.drop_table('import_log')
