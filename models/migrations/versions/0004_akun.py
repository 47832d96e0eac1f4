"""Accounts, roles, login sessions and the audit trail (issue 9)

- `pengguna`: an account (admin | operator | pimpinan) with an argon2 password hash, failed logins in a row and
  the time a lockout ends; `pengguna_kecamatan`: the kecamatan an operator or pimpinan may use.
- `sesi_login`: one row per login, keyed by the SHA-256 of the random token kept in the browser's cookie.
- `audit`: who did what, when, from where, with the value before and after; append-only for the application.

Downgrade drops the four tables (accounts and the audit trail are lost; data tables are untouched).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'pengguna',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('nama', sa.String(), nullable=False),
        sa.Column('peran', sa.String(), nullable=False),
        sa.Column('hash_sandi', sa.Text(), nullable=False),
        sa.Column('email', sa.String(), nullable=True),
        sa.Column('aktif', sa.Boolean(), nullable=False),
        sa.Column('gagal', sa.Integer(), nullable=False),
        sa.Column('terkunci_sampai', sa.DateTime(timezone=True), nullable=True),
        sa.Column('dibuat', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('pengguna', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pengguna_nama'), ['nama'], unique=True)
        batch_op.create_index(batch_op.f('ix_pengguna_email'), ['email'], unique=False)
    op.create_table(
        'pengguna_kecamatan',
        sa.Column('pengguna_id', sa.Integer(), nullable=False),
        sa.Column('kecamatan_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['kecamatan_id'], ['kecamatan.id'], ),
        sa.ForeignKeyConstraint(['pengguna_id'], ['pengguna.id'], ),
        sa.PrimaryKeyConstraint('pengguna_id', 'kecamatan_id'),
    )
    op.create_table(
        'sesi_login',
        sa.Column('id', sa.String(), nullable=False),
        sa.Column('pengguna_id', sa.Integer(), nullable=False),
        sa.Column('dibuat', sa.DateTime(timezone=True), nullable=False),
        sa.Column('terakhir', sa.DateTime(timezone=True), nullable=False),
        sa.Column('alamat', sa.String(), nullable=True),
        sa.ForeignKeyConstraint(['pengguna_id'], ['pengguna.id'], ),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('sesi_login', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sesi_login_pengguna_id'), ['pengguna_id'], unique=False)
    op.create_table(
        'audit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('waktu', sa.DateTime(timezone=True), nullable=False),
        sa.Column('pengguna', sa.String(), nullable=False),
        sa.Column('peran', sa.String(), nullable=True),
        sa.Column('alamat', sa.String(), nullable=True),
        sa.Column('jenis', sa.String(), nullable=False),
        sa.Column('hasil', sa.String(), nullable=False),
        sa.Column('kecamatan_id', sa.Integer(), nullable=True),
        sa.Column('uraian', sa.Text(), nullable=False),
        sa.Column('sebelum', sa.Text(), nullable=True),
        sa.Column('sesudah', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_waktu'), ['waktu'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_pengguna'), ['pengguna'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_jenis'), ['jenis'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_kecamatan_id'), ['kecamatan_id'], unique=False)


def downgrade() -> None:
    op.drop_table('audit')
    op.drop_table('sesi_login')
    op.drop_table('pengguna_kecamatan')
    op.drop_table('pengguna')
