#!/usr/bin/env bash
# Prepares ClientDesk to start in about half the time: extracts the jar (Spring Boot's extracted
# layout: the application's jar and its libraries side by side, no nested jars to open), then makes
# one training run that starts the application up to a refreshed context and stops, recording the
# classes it loaded: a CDS archive (-XX:ArchiveClassesAtExit) on Java 17 to 24, the JDK's AOT cache
# (-XX:AOTCacheOutput, classes loaded and linked, and method profiles) on Java 25 and later.
#
#   ./mvnw -DskipTests package                                # builds target/clientdesk.jar
#   scripts/prepare-fast-start.sh [JAR] [DIR]                 # target/clientdesk.jar → target/fast-start
#   JAVA_OPTS=-Xmx256m scripts/prepare-fast-start.sh          # the JVM options you run the server with
#   ./mvnw -DskipTests -Pfast-start package                   # the same, as part of the build
#
# It prints the command that runs the prepared server. Run it with the same java and the same
# JAVA_OPTS as the training, from DIR where it was made (the archive names the jars by their path):
# a java that cannot use the archive says so in a warning and starts without it, as slowly as before.
# The training run uses a throwaway in-memory H2 database, whatever database the server uses: it
# touches no real database (and so migrates none) and needs none. For a server on PostgreSQL, an
# empty scratch database of it also puts the driver's classes in the archive (Flyway migrates it):
#   TRAINING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/clientdesk_training \
#   TRAINING_DATASOURCE_USERNAME=postgres scripts/prepare-fast-start.sh
# See README, "Faster start".
set -euo pipefail

jar=${1:-target/clientdesk.jar}
dir=${2:-target/fast-start}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
read -r -a options <<< "${JAVA_OPTS:-}"

[ -f "$jar" ] || { echo "$jar is missing: ./mvnw -DskipTests package" >&2; exit 2; }
rm -rf "$dir"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null
name=$(basename "$jar")

# Java 25 and later know -XX:AOTCacheOutput (JEP 514): one training run makes the AOT cache.
if "$java" -XX:+UnlockDiagnosticVMOptions -XX:+PrintFlagsFinal -version 2> /dev/null | grep -q ' AOTCacheOutput '; then
  archive=clientdesk.aot
  record=(-XX:AOTCacheOutput="$archive")
  use="-XX:AOTCache=$archive"
else
  archive=clientdesk.jsa
  record=(-XX:ArchiveClassesAtExit="$archive")
  use="-XX:SharedArchiveFile=$archive"
fi

# Up to a refreshed context, then exit (spring.context.exit=onRefresh): every bean is made, Flyway
# migrates the throwaway database, nothing starts serving. The runners (the admin account, the
# default organisation) do not run.
(
  cd "$dir"
  CLIENTDESK_ADMIN_PASSWORD=training-run-only "$java" "${options[@]}" "${record[@]}" \
    -Dspring.context.exit=onRefresh -jar "$name" --server.port=0 \
    --spring.datasource.url="${TRAINING_DATASOURCE_URL:-jdbc:h2:mem:training;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}" \
    --spring.datasource.username="${TRAINING_DATASOURCE_USERNAME:-sa}" \
    --spring.datasource.password="${TRAINING_DATASOURCE_PASSWORD:-}" > training.log 2>&1
) || { echo "the training run failed: see $dir/training.log" >&2; exit 1; }
[ -f "$dir/$archive" ] || { echo "the training run made no $archive: see $dir/training.log" >&2; exit 1; }

echo "Prepared $dir ($("$java" -version 2>&1 | head -1)). Start the server with:"
echo "  cd $dir && java ${JAVA_OPTS:+$JAVA_OPTS }$use -jar $name"
