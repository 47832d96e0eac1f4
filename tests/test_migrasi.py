"""Schema upgrades keep the data (issue 9 item 6), and every migration has a working downgrade (round trip).

Written over whatever migrations `models/migrations/versions` holds, so that a migration added later is
covered without touching this file. The data: the demo database plus imports that change earlier imports'
rows and re-import a file unchanged (so that the change records carry `dari_impor`), and a saved mapping.
Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
"""

from __future__ import annotations

import json
import shutil

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, create_engine, func, inspect, select, text

from dashboard.impor import ImporError, batalkan, impor
from models.db import alembic_config, get_engine, normal_url, session_scope
from test_impor_bantu import GOOD, bd, pg_baru, templat_impor  # noqa: F401

pytestmark = pytest.mark.postgres

# Columns a migration computes from the data already there (it cannot keep them: they did not exist, or its
# downgrade drops them): after the upgrade they must read as the import engine wrote them.
DIISI_ULANG = {("import_perubahan", "dari_impor")}


def _revisi() -> list[tuple[str, str | None]]:
    """(revision, down_revision) from the first migration to the head."""
    skrip = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(skrip.get_heads()) == 1, "there must be a single head"
    return [(r.revision, r.down_revision) for r in reversed(list(skrip.walk_revisions()))]


REVISI = _revisi()


# ---------------------------------------------------------------- databases

@pytest.fixture(scope="module")
def sumber(demo_template, tmp_path_factory):
    """A SQLite file at head: the demo data, and imports whose undo depends on earlier ones."""
    path = tmp_path_factory.mktemp("migrasi") / "sumber.db"
    shutil.copy(demo_template, path)
    url = f"sqlite:///{path}"
    engine = get_engine(url)
    isi = (GOOD / "indikator_koma.csv").read_bytes()
    kw = dict(engine=engine, kecamatan="Bajuin", gaya_angka="en", pengguna="uji")
    for nama, berkas in (("a.csv", isi), ("a-lagi.csv", isi), ("b.csv", isi.replace(b",65,100,", b",70,100,"))):
        assert impor("indikator", berkas, nama, **kw).status == "berhasil"
    from dashboard.impor import simpan_pemetaan

    with session_scope(engine) as s:
        simpan_pemetaan(s, "Ekspor SIPD", "anggaran", {"Kode Rekening": "kode", "Uraian": "uraian"})
        # Data every revision can hold: a desa status without its own scheme (NULL since 0003: the setting
        # decides) is written out as an older database has it; 0003's downgrade fills such NULLs itself, which
        # tests/test_bentuk_kantor.py checks.
        s.execute(text("UPDATE desa_status SET skema = 'indeks_desa_2024' WHERE skema IS NULL"))
    engine.dispose()
    get_engine.cache_clear()
    return url


@pytest.fixture
def kosong(db_backend, tmp_path):
    """An empty database (no schema) on the backend under test."""
    if db_backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'target.db'}"
        return
    with pg_baru("uji_migrasi") as url:
        yield url


def _ke(url: str, revisi: str) -> None:
    """Upgrade or downgrade to `revisi`."""
    cfg = alembic_config(normal_url(url))
    engine = create_engine(normal_url(url))
    with engine.connect() as c:
        kini = c.execute(text("SELECT version_num FROM alembic_version")).scalar() if inspect(c).has_table(
            "alembic_version") else None
    engine.dispose()
    urutan = [None] + [r for r, _ in REVISI]
    tujuan = {"base": None, "head": urutan[-1]}.get(revisi, revisi)
    if urutan.index(tujuan) >= urutan.index(kini):
        command.upgrade(cfg, revisi)
    else:
        command.downgrade(cfg, revisi)


def _salin(dari: str, ke: str) -> None:
    """Copy every row of every table of `ke`'s schema (the columns it has) from `dari`, keeping the ids."""
    a, b = create_engine(normal_url(dari)), create_engine(normal_url(ke))
    meta_a, meta_b = MetaData(), MetaData()
    meta_a.reflect(a)
    meta_b.reflect(b)
    with a.connect() as ca, b.begin() as cb:
        for t in meta_b.sorted_tables:
            if t.name == "alembic_version":
                continue
            kolom = [c.name for c in t.columns if c.name in meta_a.tables[t.name].columns]
            rows = [dict(r._mapping) for r in ca.execute(select(*(meta_a.tables[t.name].c[k] for k in kolom)))]
            if rows:
                cb.execute(t.insert(), rows)
            if b.dialect.name == "postgresql" and "id" in t.columns and rows:
                cb.execute(text(f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
                                f"(SELECT max(id) FROM {t.name}))"))
    a.dispose()
    b.dispose()


def _isi(url: str) -> dict[str, dict[str, list]]:
    """Every table's rows, per column, in primary-key order."""
    engine = create_engine(normal_url(url))
    meta = MetaData()
    meta.reflect(engine)
    out = {}
    with engine.connect() as c:
        for t in meta.sorted_tables:
            if t.name == "alembic_version":
                continue
            rows = c.execute(select(t).order_by(*t.primary_key.columns)).all()
            out[t.name] = {k: [_normal(r._mapping[k]) for r in rows] for k in t.columns.keys()}
    engine.dispose()
    return out


def _normal(v):
    if isinstance(v, memoryview):
        return bytes(v)
    return v


def _skema(url: str) -> dict:
    """The schema as comparable data: columns (type, nullable), primary key, indexes, uniques, foreign keys."""
    engine = create_engine(normal_url(url))
    with engine.connect() as c:
        ins = inspect(c)
        out = {}
        for t in sorted(ins.get_table_names()):
            out[t] = {
                "kolom": [(k["name"], str(k["type"]), k["nullable"]) for k in ins.get_columns(t)],
                "pk": ins.get_pk_constraint(t)["constrained_columns"],
                "indeks": sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                                 for i in ins.get_indexes(t)),
                "unik": sorted(tuple(u["column_names"]) for u in ins.get_unique_constraints(t)),
                "fk": sorted((tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
                             for f in ins.get_foreign_keys(t)),
            }
    engine.dispose()
    return out


def _dari_impor(isi: dict) -> list:
    return [json.loads(v) if v is not None else None for v in isi["import_perubahan"]["dari_impor"]]


def _kolom_pada(url_revisi: str) -> dict[str, set[str]]:
    engine = create_engine(normal_url(url_revisi))
    with engine.connect() as c:
        ins = inspect(c)
        out = {t: {k["name"] for k in ins.get_columns(t)} for t in ins.get_table_names() if t != "alembic_version"}
    engine.dispose()
    return out


# ---------------------------------------------------------------- item 6: from the first migration to the head

def test_naik_dari_migrasi_pertama_menjaga_setiap_baris(sumber, kosong, skema_head):
    pertama = REVISI[0][0]
    _ke(kosong, pertama)
    _salin(sumber, kosong)
    sebelum = _isi(kosong)
    assert all(sebelum[t]["id"] for t in ("kecamatan", "indikator", "target", "realisasi", "anggaran",
                                           "anggaran_realisasi", "skm_responden", "skm_rekap", "desa", "desa_status",
                                           "skala", "pengaturan", "pengaturan_log", "import_log", "import_perubahan",
                                           "pemetaan", "skm_jawaban")), "the data must fill every table"
    _ke(kosong, "head")
    sesudah = _isi(kosong)
    for tabel, kolom in sebelum.items():
        for k, nilai in kolom.items():
            assert sesudah[tabel][k] == nilai, f"{tabel}.{k} changed in the upgrade"
    asli = _isi(sumber)
    for tabel, k in DIISI_ULANG:
        if k not in sebelum.get(tabel, {}):
            assert sesudah[tabel][k] == asli[tabel][k], f"{tabel}.{k} is not as the import engine wrote it"
    assert any(_dari_impor(sesudah)), "no change record depends on an earlier import: the refill went untested"
    assert _skema(kosong) == skema_head


_SKEMA_HEAD: dict = {}


@pytest.fixture
def skema_head(db_backend, tmp_path):
    """The schema a fresh database gets at the head, on this test's backend (made once per backend)."""
    if db_backend not in _SKEMA_HEAD:
        if db_backend == "sqlite":
            url = f"sqlite:///{tmp_path / 'rujukan.db'}"
            _ke(url, "head")
            _SKEMA_HEAD[db_backend] = _skema(url)
        else:
            with pg_baru("uji_migrasi_rujukan") as url:
                _ke(url, "head")
                _SKEMA_HEAD[db_backend] = _skema(url)
    return _SKEMA_HEAD[db_backend]


# ---------------------------------------------------------------- every migration: downgrade, upgrade again

@pytest.mark.parametrize("revisi,turun_ke", REVISI, ids=[r for r, _ in REVISI])
def test_turun_naik_setiap_migrasi(sumber, kosong, skema_head, revisi, turun_ke):
    _ke(kosong, "head")
    _salin(sumber, kosong)
    sebelum = _isi(kosong)
    _ke(kosong, turun_ke or "base")
    tersisa = _kolom_pada(kosong)
    _ke(kosong, "head")
    assert _skema(kosong) == skema_head
    sesudah = _isi(kosong)
    for tabel, kolom in sebelum.items():
        for k, nilai in kolom.items():
            if k in tersisa.get(tabel, set()) or ((tabel, k) in DIISI_ULANG and tabel in tersisa):
                assert sesudah[tabel][k] == nilai, f"{tabel}.{k} changed in the round trip through {revisi}"
            elif tabel not in tersisa:
                assert sesudah[tabel][k] == [], f"{tabel} was dropped by the downgrade, yet has rows"


# ---------------------------------------------------------------- A8: the undo order after a round trip

def test_urutan_pembatalan_bertahan_setelah_turun_naik(bd):
    isi = (GOOD / "indikator_koma.csv").read_bytes()
    kw = dict(kecamatan="Bajuin", gaya_angka="en", pengguna="uji")
    a = impor("indikator", isi, "a.csv", **kw)
    a_lagi = impor("indikator", isi, "a-lagi.csv", **kw)
    assert (a_lagi.baris_baru, a_lagi.baris_berubah, a_lagi.baris_tetap) == (0, 0, a.baris_baru)

    def ditolak() -> str:
        with pytest.raises(ImporError) as exc:
            batalkan(a.import_id, pengguna="uji")
        return str(exc.value)

    pesan = ditolak()
    assert pesan.startswith(f"Impor #{a.import_id} tidak dapat dibatalkan karena data yang sama diimpor lagi oleh "
                            f"impor #{a_lagi.import_id} ")
    with get_engine().connect() as c:
        dari = c.execute(text("SELECT import_id, tabel, dari_impor FROM import_perubahan ORDER BY id")).all()
    get_engine().dispose()
    _ke(bd, REVISI[0][0])
    _ke(bd, "head")
    with get_engine().connect() as c:
        assert c.execute(text("SELECT import_id, tabel, dari_impor FROM import_perubahan ORDER BY id")).all() == dari
    assert ditolak() == pesan
    assert "dibatalkan" in batalkan(a_lagi.import_id, pengguna="uji")
    assert "dibatalkan" in batalkan(a.import_id, pengguna="uji")
    with session_scope(get_engine()) as s:
        from models.tables import Indikator

        assert s.execute(select(func.count()).select_from(Indikator)).scalar() == 0
