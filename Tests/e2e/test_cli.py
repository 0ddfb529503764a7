"""The `lots` executable as an operator meets it: configuration errors, migrations, jobs."""
import json
import os
import subprocess
import tempfile

from conftest import REPO_ROOT

LOTS_BIN = os.environ.get("LOTS_BIN", str(REPO_ROOT / ".build" / "debug" / "lots"))


def run_lots(*args, env_extra=None, timeout=120):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOTS_") and k != "DATABASE_URL"}
    env.update(env_extra or {})
    return subprocess.run([LOTS_BIN, *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def test_invalid_configuration_gives_one_screen_of_explanation():
    with tempfile.TemporaryDirectory() as data:
        result = run_lots("serve", env_extra={
            "LOTS_DATA_DIR": data, "LOTS_PORT": "http", "DATABASE_URL": "mysql://db/lots", "LOTS_ENV": "prod",
        })
    assert result.returncode == 78, result.stderr
    for setting in ("LOTS_PORT", "DATABASE_URL", "LOTS_ENV"):
        assert setting in result.stderr
    assert "3 problems" in result.stderr
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) <= 20, "the error should fit on one screen"
    assert "Fatal error" not in result.stderr and "Stack dump" not in result.stderr


def test_production_without_secrets_refuses_to_start():
    with tempfile.TemporaryDirectory() as data:
        result = run_lots("serve", env_extra={"LOTS_DATA_DIR": data, "LOTS_ENV": "production"})
    assert result.returncode == 78
    for setting in ("LOTS_SMTP_URL", "LOTS_KEK_FILE", "LOTS_AUDIT_KEY_FILE", "LOTS_PUBLIC_URL"):
        assert setting in result.stderr


def test_migrate_demo_and_jobs_commands():
    with tempfile.TemporaryDirectory() as data:
        env = {"LOTS_DATA_DIR": data}
        migrate = run_lots("migrate", env_extra=env)
        assert migrate.returncode == 0, migrate.stderr
        assert os.path.exists(os.path.join(data, "lots.sqlite"))
        again = run_lots("migrate", env_extra=env)
        assert again.returncode == 0, again.stderr

        demo = run_lots("demo", env_extra=env)
        assert demo.returncode == 0, demo.stderr
        second = run_lots("demo", env_extra=env)
        assert second.returncode == 0 and "nothing was seeded" in (second.stdout + second.stderr)

        listing = run_lots("jobs", "list", env_extra=env)
        assert listing.returncode == 0, listing.stderr
        assert "mail.deliver" in listing.stdout and "mail.purge (every 3600 s)" in listing.stdout

        ran = run_lots("jobs", "run", "--name", "mail.purge", env_extra=env)
        assert ran.returncode == 0, ran.stderr
        assert "mail.purge: succeeded" in ran.stdout

        unknown = run_lots("jobs", "run", "--name", "no.such.job", env_extra=env)
        assert unknown.returncode != 0
        assert "No job is called" in (unknown.stdout + unknown.stderr)


def test_audit_verify_pinpoints_a_tampered_event():
    import sqlite3

    with tempfile.TemporaryDirectory() as data:
        env = {"LOTS_DATA_DIR": data}
        assert run_lots("demo", env_extra=env).returncode == 0  # seeding writes audit events
        signed = run_lots("jobs", "run", "--name", "audit.checkpoint", env_extra=env)
        assert signed.returncode == 0, signed.stderr
        assert os.path.exists(os.path.join(data, "audit-checkpoints.jsonl"))
        intact = run_lots("audit", "verify", env_extra=env)
        assert intact.returncode == 0, intact.stderr
        assert "intact" in intact.stdout and "events verified" in intact.stdout and "1 signed checkpoints match" in intact.stdout

        # Someone with access to the database file edits an event, removing the guard first.
        db = sqlite3.connect(os.path.join(data, "lots.sqlite"))
        db.execute("DROP TRIGGER audit_events_no_update")
        db.execute("UPDATE audit_events SET purpose = 'edited' WHERE sequence = 4")
        db.commit()
        db.close()

        broken = run_lots("audit", "verify", env_extra=env)
        assert broken.returncode != 0
        assert "broken at event #4" in (broken.stdout + broken.stderr)


def test_token_create_list_and_bad_scope():
    with tempfile.TemporaryDirectory() as data:
        env = {"LOTS_DATA_DIR": data}
        assert run_lots("demo", env_extra=env).returncode == 0
        created = run_lots("token", "create", "--organisation", "exempelmissionen", "--scope", "imports:write",
                           "--expires", "30", "--name", "AF import", env_extra=env)
        assert created.returncode == 0, created.stderr
        token = [line for line in created.stdout.splitlines() if line.startswith("lots_")]
        assert len(token) == 1 and len(token[0]) > 40

        listing = run_lots("token", "list", "--organisation", "exempelmissionen", env_extra=env)
        assert listing.returncode == 0
        assert token[0][:12] in listing.stdout and token[0] not in listing.stdout and "active" in listing.stdout

        bad = run_lots("token", "create", "--organisation", "exempelmissionen", "--scope", "everything", env_extra=env)
        assert bad.returncode != 0
        assert 'Unknown scope "everything"' in (bad.stdout + bad.stderr)
        unknown = run_lots("token", "create", "--organisation", "nobody", "--scope", "imports:write", env_extra=env)
        assert unknown.returncode != 0 and "No organisation" in (unknown.stdout + unknown.stderr)


def test_key_encryption_key_rotation():
    with tempfile.TemporaryDirectory() as data:
        env = {"LOTS_DATA_DIR": data}
        assert run_lots("demo", env_extra=env).returncode == 0
        old = os.path.join(data, "keys", "kek.b64")
        new = os.path.join(data, "new.key")
        generated = run_lots("keys", "generate", "--file", new, env_extra=env)
        assert generated.returncode == 0, generated.stderr
        assert oct(os.stat(new).st_mode & 0o777) == "0o600"
        again = run_lots("keys", "generate", "--file", new, env_extra=env)
        assert again.returncode != 0 and "never overwritten" in (again.stdout + again.stderr)

        # Without the old key the stored keys cannot be moved: the run says which key is missing.
        missing = run_lots("keys", "rotate", env_extra={**env, "LOTS_KEK_FILE": new})
        assert missing.returncode != 0

        rotated = run_lots("keys", "rotate", env_extra={**env, "LOTS_KEK_FILE": new, "LOTS_KEK_PREVIOUS_FILE": old})
        assert rotated.returncode == 0, rotated.stderr
        assert "personal keys were rewrapped" in rotated.stdout

        # From now on the new key alone is enough, and the rotation is in the intact audit trail.
        verify = run_lots("audit", "verify", env_extra={**env, "LOTS_KEK_FILE": new})
        assert verify.returncode == 0, verify.stderr
        twice = run_lots("keys", "rotate", env_extra={**env, "LOTS_KEK_FILE": new})
        assert twice.returncode == 0 and "0 organisation keys and 0 personal keys" in twice.stdout


def test_import_participants_previews_then_commits_once():
    example = "docs/examples/af-assignments-with-problems.csv"
    unit = ["--organisation", "exempelmissionen", "--unit", "Rusta och matcha, Exempelstad city"]
    with tempfile.TemporaryDirectory() as data:
        env = {"LOTS_DATA_DIR": data}
        assert run_lots("demo", env_extra=env).returncode == 0

        preview = run_lots("import", "participants", example, *unit, "--dry-run", "--json", env_extra=env)
        assert preview.returncode == 0, preview.stderr
        rows = json.loads(preview.stdout)
        assert [row["line"] for row in rows] == list(range(2, 22))
        outcomes = [row["outcome"] for row in rows]
        assert outcomes.count("new") == 5 and outcomes.count("extension") == 1 and outcomes.count("duplicate") == 1
        assert outcomes.count("error") == 13 and all(row["reasons"] for row in rows if row["outcome"] == "error")
        assert "check digit" in " ".join(rows[7]["reasons"])

        table = run_lots("import", "participants", example, *unit, env_extra=env)
        assert table.returncode == 0, table.stderr
        assert "5 new, 1 extensions" in table.stdout and "Imported: 5 new participants, 1 extensions" in table.stdout

        again = run_lots("import", "participants", example, *unit, "--json", env_extra=env)
        assert again.returncode == 0, again.stderr
        assert {row["outcome"] for row in json.loads(again.stdout)} == {"duplicate", "error"}, "a second import changes nothing"

        broken = run_lots("import", "participants", "README.md", *unit, "--dry-run", env_extra=env)
        assert broken.returncode != 0 and "Columns are missing" in broken.stderr


def test_generate_adds_synthetic_participants_and_shows_progress():
    with tempfile.TemporaryDirectory() as data:
        env = {"LOTS_DATA_DIR": data}
        refused = run_lots("generate", env_extra=env)
        assert refused.returncode != 0 and "--participants" in (refused.stdout + refused.stderr)
        result = run_lots("generate", "--participants", "1500", env_extra=env, timeout=300)
        assert result.returncode == 0, result.stderr
        assert "1000/1500 participants" in result.stdout and "1500/1500 participants" in result.stdout
        assert "Added 1500 participants" in result.stdout
        # Run again: more people, no collisions with the first run.
        again = run_lots("generate", "--participants", "10", env_extra=env, timeout=300)
        assert again.returncode == 0 and "Added 10 participants" in again.stdout, again.stderr
