"""The managed Keycloak's installer and command line (no network: the download is a local file here; the
real server is started by the sign-in browser tests, tests/test_browser_signin.py)."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from pmkg.auth import keycloak as kc
from pmkg.errors import PmkgError

ROOT = Path(__file__).resolve().parent.parent


def fake_distribution(path: Path) -> bytes:
    """A tar.gz shaped like the Keycloak distribution (bin/kc.sh, version.txt)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, text in (
            (f"keycloak-{kc.VERSION}/bin/kc.sh", b"#!/bin/sh\n"),
            (f"keycloak-{kc.VERSION}/version.txt", b"x"),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(text)
            tar.addfile(info, io.BytesIO(text))
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def test_a_download_whose_checksum_differs_is_refused_and_nothing_is_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = tmp_path / "served.tar.gz"
    fake_distribution(served)
    monkeypatch.setattr(kc, "URL", served.as_uri())
    home = tmp_path / "home"
    with pytest.raises(PmkgError, match=f"not the pinned {kc.SHA256}: refused"):
        kc.install(home)
    assert sorted(p.name for p in kc.root(home).iterdir()) == []  # no archive, no partial file, no server


def test_a_download_with_the_pinned_checksum_is_kept_and_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = tmp_path / "served.tar.gz"
    payload = fake_distribution(served)
    monkeypatch.setattr(kc, "URL", served.as_uri())
    monkeypatch.setattr(kc, "SHA256", hashlib.sha256(payload).hexdigest())
    home = tmp_path / "home"
    dist = kc.install(home)
    assert dist == kc.root(home) / f"keycloak-{kc.VERSION}"
    assert (dist / "bin" / "kc.sh").stat().st_mode & 0o111
    assert sorted(p.name for p in kc.root(home).iterdir()) == sorted([kc.ARCHIVE, dist.name])


def test_the_server_runs_in_development_mode_on_loopback_with_the_realm_imported(tmp_path: Path) -> None:
    instance = kc.Instance(run_dir=tmp_path, dist=tmp_path / "dist", port=18080, realm="pmkg")
    argv = kc.command(instance, 19000)
    assert argv[1] == "start-dev"
    assert {"--http-host=127.0.0.1", "--http-port=18080", "--http-management-port=19000"} <= set(argv)
    assert {"--db=dev-mem", "--import-realm"} <= set(argv)
    assert instance.metadata_url == "http://127.0.0.1:18080/realms/pmkg/.well-known/openid-configuration"
    assert kc.realm_name(ROOT / "tests" / "data" / "keycloak-realm.json") == "pmkg"
    (tmp_path / "bad.json").write_text('{"users": []}', encoding="utf-8")
    with pytest.raises(PmkgError, match="not a Keycloak realm file"):
        kc.realm_name(tmp_path / "bad.json")


def test_a_server_that_replaced_kc_sh_with_its_jvm_is_still_found_and_stopped(tmp_path: Path) -> None:
    """kc.sh re-augments the server on its first start and then ``exec``s the JVM, so the process in the
    pid file no longer says kc.sh: it is still ours (its command line names the distribution), and stop
    ends it, as every test session's Keycloak was left running before."""
    dist, run_dir = tmp_path / "keycloak-26.5.6", tmp_path / "run"
    run_dir.mkdir()
    jvm = subprocess.Popen(  # a stand-in with the JVM's shape of command line: no kc.sh, the dist named
        [sys.executable, "-c", "import time; time.sleep(120)", f"-Dkc.home.dir={dist}/bin/.."],
        start_new_session=True,
    )
    try:
        (run_dir / "keycloak.pid").write_text(str(jvm.pid), encoding="utf-8")
        state = {"dist": str(dist), "port": 8080, "realm": "pmkg"}
        (run_dir / "keycloak.json").write_text(json.dumps(state), encoding="utf-8")
        assert kc.running(run_dir) is not None
        assert kc.stop(run_dir=run_dir, timeout=10)
        assert jvm.wait(timeout=10) is not None
        assert kc.running(run_dir) is None
    finally:
        jvm.kill()
        jvm.wait()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], start_new_session=True)
    try:  # a pid file left behind, its number now another program's: not ours, never signalled
        (run_dir / "keycloak.pid").write_text(str(other.pid), encoding="utf-8")
        assert kc.running(run_dir) is None and other.poll() is None
    finally:
        other.kill()
        other.wait()
