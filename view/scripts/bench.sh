#!/usr/bin/env bash
# View benchmarks, side by side with WeChat's reference (docs/benchmarks.md, "View").
# 1) JMH: render of the 1,000-row page, one-row setData end to end, and the diff alone (Sparrow).
# 2) Node: WeChat's wcc-compiled template rendering the same page with the same data (reference).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -pl view test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
  "-Dexec.args=-cp %classpath org.openjdk.jmh.Main ViewBenchmark ${JMH_ARGS:-}"
cd view/src/test/oracle
[ -d node_modules/miniprogram-compiler ] || npm install --no-audit --no-fund --loglevel=error
node bench-render.js 30
