"""Ringkasan: how the kecamatan stands, s.d. the chosen triwulan."""

import streamlit as st

from dashboard import format as fmt
from dashboard import ui
from dashboard.grafik import gauges_ringkasan
from dashboard.ringkasan import teks_rasio
from dashboard.tabel import publik, tabel_iku

nama, tahun, tw, data, p = ui.buka_halaman("Ringkasan")

sebelum = ui.ringkasan_sebelumnya(nama, tahun, tw)
label_sebelum = ui.label_triwulan_sebelumnya(tahun, tw)



@st.cache_data(show_spinner=False, max_entries=256)
def _gauge(nama: str, tahun: int, tw: int, kunci: str) -> list[dict]:
    """The five gauges as Vega-Lite dicts, built once per period and data revision."""
    return [c.to_dict(validate=False) for c in gauges_ringkasan(ui.baca_ringkasan(nama, tahun, tw),
                                                                ui.baca_periode(nama, tahun))]


def selisih(kini, dulu):
    return None if kini is None or dulu is None else kini - dulu


iku, ang, skm, desa, efi = data["iku"], data["anggaran"], data["skm"], data["desa"], data["efisiensi"]
s_iku = sebelum["iku"]["rata_rata_capaian"] if sebelum else None
s_ang = sebelum["anggaran"]["serapan"] if sebelum else None
s_desa = sebelum["desa"]["rasio"] if sebelum else None
s_efi = sebelum["efisiensi"]["nilai"] if sebelum else None
s_ikm = sebelum["skm"]["ikm"] if sebelum else None

# The key figures first (on a phone the columns stack: the five numbers come before the gauges). Short
# labels: five cards share the width beside the sidebar at 1280 px.
bantuan = f"Perubahan dibanding s.d. {label_sebelum}." if label_sebelum else None
metrik = [
    ("Capaian IKU", fmt.persen(iku["rata_rata_capaian"]), selisih(iku["rata_rata_capaian"], s_iku),
     f"Rata-rata capaian IKU: {data['_iku']['terukur']} dari {data['_iku']['jumlah_iku']} IKU terukur · skala "
     f"{fmt.md(iku['skala'])}"),
    ("Serapan", fmt.persen(ang["serapan"]), selisih(ang["serapan"], s_ang),
     f"Serapan anggaran kumulatif s.d. {fmt.triwulan(tw)}: {fmt.rupiah(ang['realisasi'], 0)} dari pagu {fmt.rupiah(ang['pagu'], 0)}" if ang["pagu"]
     else None),
    ("Desa mandiri", teks_rasio(p, desa["rasio"]), selisih(desa["rasio"], s_desa),
     f"Rasio desa mandiri: {desa['mandiri']} Mandiri dari {desa['jumlah']} desa" if desa["mandiri"] is not None
     else None),
    ("Efisiensi", fmt.efisiensi(efi["nilai"], efi["metode"]), selisih(efi["nilai"], s_efi),
     f"Metode {efi['metode'].replace('_', ' ')}: " + {"tanah_laut": "(1 − serapan / capaian) × 100 %",
                                                       "selisih": "capaian − serapan, dalam poin",
                                                       "rasio": "capaian / serapan × 100 % (100 % = seimbang)"}
     [efi["metode"]]),
    ("IKM", fmt.angka(skm["ikm"]) + (f" ({skm['mutu']})" if skm["mutu"] else ""), selisih(skm["ikm"], s_ikm),
     f"Indeks Kepuasan Masyarakat: {fmt.angka(skm['responden'], 0)} responden · bobot {data['_skm']['bobot']}"
     if skm["responden"] else data["_skm"]["_jadwal"].capitalize() if data["_skm"]["_menunggu"] else None),
]
for k, (label, nilai, delta, ket) in zip(st.columns(5), metrik):
    with k:
        st.metric(label, nilai, delta=fmt.poin(delta) if delta is not None else None, border=True,
                  help=" ".join(x for x in (ket, bantuan) if x) or None, **ui.tanpa_panah(delta))

for k, chart in zip(st.columns(5), _gauge(nama, tahun, tw, ui.kunci())):
    with k:
        ui.grafik(chart, lebar="content")

kosong = []
if not data["_iku"]["baris"]:
    kosong.append("**IKU**: belum ada indikator untuk tahun ini.")
elif iku["rata_rata_capaian"] is None:
    kosong.append(f"**IKU**: belum ada realisasi s.d. {fmt.triwulan(tw)} (belum diukur).")
if ang["pagu"] is None:
    kosong.append("**Anggaran**: belum ada data anggaran untuk tahun ini.")
elif ang["serapan"] is None:
    ada = ", ".join(fmt.triwulan(t) for t in data["_anggaran"]["triwulan_data"]) or "tidak ada"
    kosong.append(f"**Anggaran**: belum ada data realisasi {fmt.triwulan(tw)} (triwulan yang sudah ada: {ada}).")
if skm["ikm"] is None and not data["_skm"]["_menunggu"]:
    kosong.append(f"**SKM**: belum ada data survei s.d. {fmt.triwulan(tw)}.")
elif skm["ikm"] is None:
    st.caption(f"SKM: {data['_skm']['_jadwal']}; belum ada hasil yang jatuh s.d. {fmt.triwulan(tw)}.")
if desa["rasio"] is None:
    kosong.append(f"**Desa**: belum ada status desa untuk tahun {tahun}.")
if kosong:
    ui.kosong("Data yang belum ada untuk periode ini:\n\n" + "\n".join(f"- {x}" for x in kosong),
              "Unggah datanya di halaman **Unggah Data**.")

st.subheader("Indikator Kinerja Utama")
df = tabel_iku(data)
if df.empty:
    ui.kosong("Belum ada indikator untuk tahun ini.", "Unggah daftar IKU dan targetnya di halaman **Unggah Data**.")
else:
    ui.tabel(df)
    ui.unduh_csv(publik(df), f"iku_{nama}_{tahun}_tw{tw}.csv", key="unduh_iku")

st.subheader("Peringatan data")
peringatan = data["peringatan"]
if not peringatan:
    st.success("Tidak ada peringatan data untuk periode ini.", icon=":material/check_circle:")
else:
    st.caption(f"{len(peringatan)} peringatan. Peringatan tidak menghalangi impor; periksa sumbernya.")
    ui.peringatan(peringatan, f"peringatan_{nama}_{tahun}_tw{tw}.csv", key="unduh_peringatan")
    for sumber in sorted({w.get("sumber") for w in peringatan if w.get("sumber")}):
        ui.tautan_sumber(sumber)
