"""CI: open the generated site in headless Chromium and check it against the CLI.

    python .ci/site_check.py WORKDIR [--screenshot PNG]

Builds the site for the built-in dataset, a synthetic one with typical years and
a hostile one; loads the index and role pages (no console errors, no alert, no
element the data put there) and path.html?from=…&to=… (with via/avoid) for many
pairs, comparing the rendered path (the `data-result` JSON and the visible
links) with `careerpath path --format json`. Needs chromium, chromedriver and
selenium (a CI-only tool, installed by .ci/run).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from careerpath.site.markup import shown as shown_text  # noqa: E402
from generate import generate  # noqa: E402

CAREERPATH = [sys.executable, "-m", "careerpath"]
EVIL = ('<script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1) </script>\u2028x'
        "\x01\x9b\ufdd0\u202eevil")


# Names may not hold hidden characters (the loader refuses them); free text may.
NAME_EVIL = '<script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1) </script>x'


def cli(data: Path | None, *args: str) -> subprocess.CompletedProcess[str]:
    command = [*CAREERPATH, *(["--data", str(data)] if data else []), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def hostile(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    evil, name = json.dumps(EVIL), json.dumps(NAME_EVIL)
    (folder / "roles.yaml").write_text(
        "roles:\n"
        f"  - {{id: evil, title: {json.dumps('Evil ' + NAME_EVIL)}, level: 1, summary: {evil},\n"
        f"     aliases: [{json.dumps('javascript:alert(1)')}], skills: {{{name}: 2}}}}\n"
        f"  - {{id: worse, title: {json.dumps('</script><script>alert(2)</script>')}, level: 2,\n"
        f"     skills: {{{name}: 4, {json.dumps('__proto__')}: 3}}}}\n", encoding="utf-8")
    (folder / "progressions.yaml").write_text(
        f"progressions:\n  - {{from: evil, to: worse, years: [1, 2], note: {evil}}}\n", encoding="utf-8")
    return folder


def browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900",
                 "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=driver)


def load(driver: webdriver.Chrome, url: str) -> None:
    driver.get(url)
    problems = [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    if problems:
        raise AssertionError(f"console messages on {url}: {problems}")
    if driver.find_elements(By.TAG_NAME, "img"):
        raise AssertionError(f"an <img> appeared on {url}")
    scripts = driver.execute_script(
        "return Array.from(document.scripts).map(s => s.src ? s.src.split('/').pop() : s.type)")
    if any(s not in ("search.js", "pathfind.js", "path.js", "application/json") for s in scripts):
        raise AssertionError(f"unexpected script on {url}: {scripts}")


SEARCH = {"builtin": "cxm",  # an alias of one role
           "synthetic": "skill 1", "hostile": "<script>"}


def check_pages(driver: webdriver.Chrome, site: Path, role_id: str, search: str) -> None:
    load(driver, (site / "index.html").as_uri())
    driver.find_element(By.ID, "search-box").send_keys(search)  # the search box filters
    shown = driver.execute_script("return document.querySelectorAll('ul.roles > li:not([hidden])').length")
    total = driver.execute_script("return document.querySelectorAll('ul.roles > li').length")
    # Both hostile roles hold "<script>" in a skill; elsewhere the search must narrow the list.
    assert 0 < shown <= total if search == "<script>" else 0 < shown < total, (search, shown, total)
    load(driver, (site / "roles" / f"{role_id}.html").as_uri())
    print(f"site check: {site.name}: index and roles/{role_id}.html load cleanly; search filters "
          f"{total} roles to {shown}")


def check_path(driver: webdriver.Chrome, site: Path, data: Path | None, source: str, target: str,
               via: tuple[str, ...] = (), avoid: tuple[str, ...] = ()) -> bool:
    """Compare the page's answer with the CLI's; return whether a path exists."""
    query = [("from", source), ("to", target), *(("via", v) for v in via), *(("avoid", a) for a in avoid)]
    load(driver, f"{(site / 'path.html').as_uri()}?{urlencode(query)}")
    shown = json.loads(driver.find_element(By.ID, "answer").get_attribute("data-result") or "null")
    args = ["path", source, target, "--format", "json",
            *(x for v in via for x in ("--via", v)), *(x for a in avoid for x in ("--avoid", a))]
    done = cli(data, *args)
    where = f"{site.name}: {source} -> {target} via {via} avoid {avoid}"
    if done.returncode != 0:
        assert shown["roles"] is None and shown["error"], (where, shown, done.stderr)
        visible = driver.find_element(By.CSS_SELECTOR, "#answer-body .error").text
        assert visible == shown["error"], where
        assert (done.returncode == 1) == visible.startswith("no path"), (where, visible, done.stderr)
        return False
    expected = json.loads(done.stdout)["paths"][0]
    assert shown["roles"] == expected["roles"], (where, shown["roles"], expected["roles"])
    assert shown["moves"] == expected["moves"] and shown["years"] == expected["years"], where
    # Once the CLI's JSON carries skills: compare expected["steps"][i]["skills"] and
    # expected["skills"] with shown["steps"][i]["skills"] and shown["skills"] here.
    for key in ("steps", "skills"):
        if key in expected and all("skills" in step for step in expected.get("steps", [])):
            mine = [s["skills"] for s in shown["steps"]] if key == "steps" else shown["skills"]
            theirs = [s["skills"] for s in expected["steps"]] if key == "steps" else expected["skills"]
            assert mine == theirs, (where, key, mine, theirs)
    titles = {r["id"]: r["title"] for r in json.loads(cli(data, "roles", "--format", "json").stdout)}
    links = [a.get_attribute("textContent")
             for a in driver.find_elements(By.CSS_SELECTOR, "ol.path > li > a")]
    assert links == [shown_text(titles[r]) for r in expected["roles"]], (where, links)  # escaped alike
    return True


def check_form(driver: webdriver.Chrome, site: Path, source: str, target: str) -> None:
    """Choosing two roles in the form and submitting it puts the question in the URL."""
    load(driver, (site / "path.html").as_uri())
    Select(driver.find_element(By.ID, "from")).select_by_value(source)
    Select(driver.find_element(By.ID, "to")).select_by_value(target)
    driver.find_element(By.CSS_SELECTOR, "#finder button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "from=" in d.current_url)
    assert f"from={source}&to={target}" in driver.current_url, driver.current_url
    shown = json.loads(driver.find_element(By.ID, "answer").get_attribute("data-result") or "null")
    expected = json.loads(cli(None, "path", source, target, "--format", "json").stdout)["paths"][0]
    assert shown["roles"] == expected["roles"], shown
    problems = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert not problems, problems
    address = driver.current_url.split("/")[-1]
    print(f"site check: the form asks {source} -> {target} through the URL: {address}")


def check_layout(driver: webdriver.Chrome, site: Path) -> None:
    """At 1280 px the whole ladder fits, row labels included; at 360 px no page scrolls sideways."""
    pages = ["index.html", "roles/ecommerce-manager.html", "path.html",
             "path.html?from=ecommerce-coordinator&to=chief-digital-officer"]
    try:
        driver.set_window_size(1280, 900)
        load(driver, (site / "index.html").as_uri())
        inner = driver.execute_script("return document.documentElement.clientWidth")
        box = driver.execute_script("var r = document.querySelector('figure.ladder svg')"
                                    ".getBoundingClientRect(); return [r.left, r.right]")
        assert box[0] >= 0 and box[1] <= inner, ("the ladder does not fit 1280 px", box, inner)
        driver.set_window_size(360, 800)
        for name in pages:
            file, _, query = name.partition("?")
            load(driver, (site / file).as_uri() + (f"?{query}" if query else ""))
            wide = driver.execute_script("return document.documentElement.scrollWidth - "
                                         "document.documentElement.clientWidth")
            assert wide <= 0, (f"{name} scrolls sideways at 360 px by {wide} px")
    finally:
        driver.set_window_size(1200, 900)
    print("site check: the ladder fits 1280 px; index, a role page and the finder fit 360 px")


def check_keyboard(driver: webdriver.Chrome, site: Path) -> None:
    """The finder by keyboard alone: Tab to From, type a title, Tab to To, type, Tab to
    the button (past the folded via / avoid options), Enter."""
    load(driver, (site / "path.html").as_uri())

    def press(*keys: str) -> str:
        ActionChains(driver).send_keys(*keys).perform()
        return str(driver.execute_script("return document.activeElement.id"))

    for _ in range(10):
        if press(Keys.TAB) == "from":
            break
    else:
        raise AssertionError("Tab never reaches the finder's From")
    press("Ecommerce Coordinator")
    assert press(Keys.TAB) == "to"
    press("Chief Digital")
    assert press(Keys.TAB) == "" and driver.execute_script(
        "return document.activeElement.tagName") == "SUMMARY"  # via / avoid, folded away
    press(Keys.TAB)
    assert driver.execute_script("return document.activeElement.type") == "submit"
    press(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "from=" in d.current_url)
    assert "from=ecommerce-coordinator&to=chief-digital-officer" in driver.current_url, driver.current_url
    shown = json.loads(driver.find_element(By.ID, "answer").get_attribute("data-result") or "null")
    assert shown["roles"][0] == "ecommerce-coordinator" and shown["roles"][-1] == "chief-digital-officer"
    print("site check: the finder works from the keyboard alone")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("work", type=Path)
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    synthetic = work / "synthetic"
    bottom, top = generate(synthetic, 300, 1200)
    datasets = {"builtin": None, "synthetic": synthetic, "hostile": hostile(work / "hostile")}
    driver = browser()
    try:
        for name, data in datasets.items():
            site = work / f"site-{name}"
            done = cli(data, "site", "-o", str(site), "--force", "--title", f"Check {name}")
            assert done.returncode == 0, done.stderr
            ids = sorted(json.loads(cli(data, "roles", "--format", "json").stdout), key=lambda r: r["id"])
            ids = [r["id"] for r in ids]
            check_pages(driver, site, "evil" if name == "hostile" else ids[len(ids) // 2], SEARCH[name])
            if name == "builtin":
                check_form(driver, site, "ecommerce-coordinator", "chief-digital-officer")
                check_keyboard(driver, site)
                check_layout(driver, site)
            rng = random.Random(14)
            pairs = [(ids[0], ids[-1])] + [tuple(rng.sample(ids, 2)) for _ in range(12)]
            if name == "builtin":
                pairs += [("ecommerce-coordinator", "chief-digital-officer")]
            if name == "synthetic":
                pairs += [(bottom, top)]
            found = sum(check_path(driver, site, data, a, b) for a, b in pairs)
            extra = [("ecommerce-coordinator", "chief-digital-officer", ("senior-ecommerce-director",), ()),
                     ("ecommerce-manager", "vp-of-ecommerce", (), ("senior-ecommerce-manager",)),
                     ("ecommerce-coordinator", "ecommerce-coordinator", (), ())] if name == "builtin" else []
            if name == "synthetic":
                extra = [(bottom, top, (rng.choice(ids),), (rng.choice(ids),)) for _ in range(6)]
            for source, target, via, avoid in extra:
                found += check_path(driver, site, data, source, target, via, avoid)
            print(f"site check: {name}: {len(pairs) + len(extra)} paths compared with the CLI "
                  f"({found} found, the rest refused alike)")
        if args.screenshot:
            driver.set_window_size(1280, 1120)  # wide enough that the whole ladder fits
            driver.get((work / "site-builtin" / "index.html").as_uri())
            driver.save_screenshot(str(args.screenshot))
    finally:
        driver.quit()
    print("site check: ok")


if __name__ == "__main__":
    main()
