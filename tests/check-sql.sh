#!/usr/bin/env bash
# No SQL is built by formatting values into it: statements are string
# constants with ?-parameters, and values are bound. This finds printf-style
# calls whose format holds SQL, and SQLite's own formatting functions.
#   check-sql.sh SOURCE_ROOT          checks app/
#   check-sql.sh --self-test          shows that a violation is caught
set -euo pipefail

scan() {
  perl -0777 -ne '
    my $file = $ARGV;
    while (/\b(sqlite3_(?:v?mprintf|snprintf)|g_strdup_v?printf|g_string_(?:append_)?printf|g_snprintf|v?s?n?printf)\s*\((.*?)\)\s*;/gs) {
      my ($func, $args) = ($1, $2);
      my $line = 1 + (substr($_, 0, $-[0]) =~ tr/\n//);
      my $sql = $args =~ /"[^"]*\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|PRAGMA|CREATE|DROP)\b[^"]*%[^"]*"/
             || $args =~ /"[^"]*%[^"]*\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES)\b[^"]*"/;
      if ($func =~ /^sqlite3_/ || $sql) {
        print "$file:$line: SQL built with $func; bind the values instead\n";
        $found = 1;
      }
    }
    END { exit($found ? 1 : 0) }
  ' "$@"
}

if [ "${1:-}" = "--self-test" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cat > "$work/bad.c" <<'C'
char *sql = g_strdup_printf ("SELECT id FROM trainee WHERE name = '%s'",
                             name);
C
  cat > "$work/good.c" <<'C'
stmt = _xs_db_prepare (db, "SELECT id FROM trainee WHERE name = ?1", error);
text = g_strdup_printf (_("%u trainees"), n);
C
  if scan "$work/bad.c" >/dev/null; then
    echo "not ok: a formatted SELECT went unnoticed"; exit 1
  fi
  scan "$work/good.c"
  echo "ok: the check catches formatted SQL and passes bound statements"
  exit 0
fi

root=${1:?source root}
mapfile -t files < <(find "$root/app" -name '*.c' | sort)
scan "${files[@]}"
echo "ok: no SQL built with printf-style formatting in ${#files[@]} files"
