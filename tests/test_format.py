"""Indonesian display formats through Babel."""

from datetime import date, datetime

from dashboard import format as fmt


def test_rupiah_dan_persen():
    assert fmt.rupiah(8102188741.16) == "Rp 8.102.188.741,16"
    assert fmt.rupiah(-1500) == "-Rp 1.500,00"
    assert fmt.persen(87.2625) == "87,26 %"
    assert fmt.persen(88.125) == "88,13 %"  # half up, not half even
    assert fmt.persen(None) == "—"
    assert fmt.angka(float("nan")) == "—"
    assert fmt.angka(1234567, 0) == "1.234.567"
    assert fmt.poin(1.254) == "+1,25 poin"
    assert fmt.poin(-0.5) == "-0,50 poin"


def test_ringkas_dan_nilai():
    assert fmt.rupiah_ringkas(8102188741.16) == "Rp 8,10 M"
    assert fmt.rupiah_ringkas(42635563) == "Rp 42,64 jt"
    assert fmt.nilai(77.77, "%") == "77,77 %"
    assert fmt.nilai(0.64, "Rasio") == "0,64"


def test_tanggal_dan_triwulan():
    assert fmt.tanggal(date(2026, 2, 6)) == "6 Februari 2026"
    assert fmt.waktu(datetime(2026, 2, 6, 13, 5)) == "6 Februari 2026 13.05"
    assert fmt.triwulan(3) == "TW III"


def test_satu_satuan_dan_format_per_angka():
    """Issue 8, D21: the display rules in one place."""
    # Efisiensi in its method's unit: percent (Tanah Laut, rasio) or percentage points (selisih).
    assert fmt.efisiensi(26.4712, "tanah_laut") == "26,47 %"
    assert fmt.efisiensi(136.0, "rasio") == "136,00 %"
    assert fmt.efisiensi(277.62, "selisih") == "+277,62 poin"
    # Rupiah in a table column headed (Rp): whole rupiah, no `Rp`, no `,00`.
    assert fmt.rupiah_tabel(8102188741.16) == "8.102.188.741"
    assert fmt.rupiah_tabel(735000000.0) == "735.000.000"
    assert fmt.rupiah_tabel(None) == "—"
    # One money scale for a set of amounts (cards): the largest decides.
    assert fmt.skala_rupiah(8.1e9) == (1e9, "M", "miliar") and fmt.skala_rupiah(4.2e7)[2] == "juta"
    assert fmt.rupiah_ringkas(961_697_757.16, skala=8_102_188_741.16) == "Rp 0,96 M"
    assert fmt.rupiah_ringkas(961_697_757.16) == "Rp 961,70 jt"
    assert fmt.rupiah_ringkas(-230_000_000, skala=3.76e9) == "-Rp 0,23 M"
    # A change that rounds to zero is no rise and no fall, and never `-0,00`.
    assert fmt.arah(0.004) == 0 and fmt.arah(-0.004) == 0 and fmt.arah(0.005) == 1 and fmt.arah(-0.2) == -1
    assert fmt.poin(-0.001) == "0,00 poin" and fmt.persen(-0.004) == "0,00 %"


def test_tabel_rupiah_tanpa_sen_dan_peringatan_dalam_kata():
    import pandas as pd

    from dashboard.tabel import format_kolom, judul_peringatan, tabel_peringatan

    df = pd.DataFrame({"Pagu (Rp)": [8102188741.16], "Serapan (%)": [88.125]})
    f = format_kolom(df)
    assert f["Pagu (Rp)"](8102188741.16) == "8.102.188.741" and f["Serapan (%)"](88.125) == "88,13 %"
    assert judul_peringatan("target_berganda") == "Target berubah dalam tahun ini"
    assert judul_peringatan("kunci_baru_lain") == "Kunci baru lain"  # a kind added later still reads as words
    jenis = tabel_peringatan([{"jenis": "ikm_tercetak_berbeda", "pesan": "…"}])["Jenis"].tolist()
    assert jenis == ["IKM tercetak berbeda dari hitungan"]
