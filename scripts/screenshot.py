"""Screenshots of the running app's pages with headless Chromium (for the README and for looking).

    .venv/bin/python scripts/screenshot.py http://localhost:8501 out_dir "?kecamatan=Bajuin&tahun=2025&triwulan=4" "iku?…"
    TINGGI=3000 .venv/bin/python scripts/screenshot.py …     # a taller window for long pages
    LEBAR=390 TINGGI=844 .venv/bin/python scripts/screenshot.py …  # a phone

Each page argument is `<url path>?<query>`; the file is named after it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(base: str, out: str, pages: list[str], width: int = 1500, height: int = 1100) -> None:
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        for p in pages:
            page.goto(f"{base.rstrip('/')}/{p.lstrip('/')}", wait_until="networkidle")
            page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=30000)
            page.wait_for_timeout(800)
            try:
                page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30000)
            except Exception:
                pass
            page.wait_for_timeout(2500)
            name = re.sub(r"[^A-Za-z0-9]+", "_", p).strip("_") or "home"
            page.screenshot(path=str(Path(out) / f"{name}.png"), full_page=True)
            print(Path(out) / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    # Streamlit scrolls inside its own container, so a tall viewport is what shows a whole page.
    import os

    main(sys.argv[1], sys.argv[2], sys.argv[3:], width=int(os.environ.get("LEBAR", "1500")),
         height=int(os.environ.get("TINGGI", "1100")))
