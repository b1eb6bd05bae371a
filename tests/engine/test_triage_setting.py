"""The triage setting reaches every engine: the full path (--no-triage) is the full path everywhere."""

from __future__ import annotations

from click.testing import CliRunner

from dyad.actors import ActorMemory
from dyad.cli import main
from dyad.engine import local
from dyad.engine.ray_data import RaySettings, _CodeBatch


def test_a_pool_worker_builds_the_pipeline_with_the_runs_triage():
    local._init(ActorMemory(), triage=False)
    assert local._worker_pipeline.triage is False
    local._init(ActorMemory())
    assert local._worker_pipeline.triage is True


def test_a_ray_actor_builds_the_pipeline_with_the_runs_triage():
    assert _CodeBatch(ActorMemory(), triage=False).pipeline.triage is False
    assert RaySettings().triage is True


def test_dyad_code_takes_no_triage(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("date 2024-03-01\n\nKenya and Uganda signed a border agreement in Nairobi.\n", encoding="utf-8")
    full = CliRunner().invoke(main, ["code", "--no-triage", str(article)])
    triaged = CliRunner().invoke(main, ["code", str(article)])
    assert full.exit_code == 0 and triaged.exit_code == 0
    assert full.output == triaged.output and '"event": "SUPPORT"' in full.output  # 057: sign a formal agreement
