#!/bin/sh
# Installs jbound from this unpacked distribution archive:
#   ./install.sh [--prefix DIR] [--no-archive]     (or PREFIX=DIR ./install.sh; default /usr/local)
#   PREFIX/bin/jbound                                         the launcher
#   PREFIX/lib/jbound/jbound.jar, jbound.jsa, jbound-analysis.jsa   the program and its class-data archives
#   PREFIX/share/man/man1/jbound*.1                           man jbound, man jbound-attach, ...
#   PREFIX/share/bash-completion/completions/jbound           bash completion
#   PREFIX/share/zsh/site-functions/_jbound                   zsh completion
#   PREFIX/share/fish/vendor_completions.d/jbound.fish        fish completion
# DESTDIR=/stage ./install.sh stages the same files under /stage/PREFIX for a package; the
# class-data archive is then left to the machine jbound is installed on (see --help).
set -eu

usage() {
  cat <<EOF
usage: ./install.sh [--prefix DIR] [--no-archive]
Installs jbound under DIR (default: \$PREFIX, else /usr/local): DIR/bin/jbound, DIR/lib/jbound/,
DIR/share/man/man1/ and the bash, zsh and fish completions under DIR/share/.
  --prefix DIR   where to install (the PREFIX environment variable does the same)
  --no-archive   do not make the class-data archives (jbound then starts ~60 ms slower)
DESTDIR=STAGE stages the files under STAGE/DIR and makes no archive; make them on the installed
machine with the java jbound will run on, for NAME jbound and jbound-analysis:
  java -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile=DIR/lib/jbound/NAME.classlist \\
       -XX:SharedArchiveFile=DIR/lib/jbound/NAME.jsa -cp DIR/lib/jbound/jbound.jar
EOF
}

die() {
  echo "install.sh: $*" >&2
  exit 1
}

prefix="${PREFIX:-/usr/local}"
archive=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --no-archive) archive=no; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see ./install.sh --help)" ;;
  esac
done
case "$prefix" in
  /*) ;;
  *) die "the prefix must be an absolute path, not '$prefix'" ;;
esac
destdir="${DESTDIR:-}"
root="$destdir$prefix"

dist=$(cd "$(dirname "$0")" && pwd)
for f in bin/jbound lib/jbound.jar lib/jbound.classlist lib/jbound-analysis.classlist man/jbound.1 completions/jbound.bash completions/_jbound completions/jbound.fish; do
  [ -f "$dist/$f" ] || die "$dist/$f is missing: run install.sh from the unpacked jbound archive"
done

bindir="$root/bin"
libdir="$root/lib/jbound"
mandir="$root/share/man/man1"
bashdir="$root/share/bash-completion/completions"
zshdir="$root/share/zsh/site-functions"
fishdir="$root/share/fish/vendor_completions.d"

# Refuse before copying anything: every directory must exist writable, or be creatable in the
# nearest directory that exists.
for dir in "$bindir" "$libdir" "$mandir" "$bashdir" "$zshdir" "$fishdir"; do
  existing=$dir
  while [ ! -e "$existing" ]; do existing=$(dirname "$existing"); done
  if [ ! -d "$existing" ] || [ ! -w "$existing" ]; then
    die "cannot write to $existing; run as a user who can (sudo), or choose another prefix: ./install.sh --prefix \$HOME/.local"
  fi
done
mkdir -p "$bindir" "$libdir" "$mandir" "$bashdir" "$zshdir" "$fishdir" 2>/dev/null \
  || die "cannot create the directories under $root; run as a user who can (sudo), or choose another prefix"

# put SRC DEST MODE: replace DEST (an older install's file may be read-only), keeping SRC's mtime
put() {
  rm -f "$2"
  cp -p "$1" "$2" 2>/dev/null || die "cannot write $2"
  chmod "$3" "$2"
}
put "$dist/bin/jbound" "$bindir/jbound" 755
put "$dist/lib/jbound.jar" "$libdir/jbound.jar" 644
put "$dist/lib/jbound.classlist" "$libdir/jbound.classlist" 644
put "$dist/lib/jbound-analysis.classlist" "$libdir/jbound-analysis.classlist" 644
rm -f "$libdir/jbound.jsa" "$libdir/jbound-analysis.jsa" # made for the jar this replaces
for page in "$dist"/man/*.1; do put "$page" "$mandir/$(basename "$page")" 644; done
put "$dist/completions/jbound.bash" "$bashdir/jbound" 644
put "$dist/completions/_jbound" "$zshdir/_jbound" 644
put "$dist/completions/jbound.fish" "$fishdir/jbound.fish" 644

# The class-data archives (the launcher starts help and ps with the first, the commands that read
# or make recordings with the second): JDK 17 takes one only for the jar at the path it was made
# for, and only on the JVM that made it, so they are made here, by the java the launcher will run
# (JAVA_HOME, else the PATH's). A few seconds; without them jbound works, only starts slower.
if [ "$archive" = yes ] && [ -z "$destdir" ]; then
  if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
  archived=" (with a class-data archive for $("$java" -version 2>&1 | head -n 1))"
  for name in jbound jbound-analysis; do
    if ! "$java" -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile="$libdir/$name.classlist" \
        -XX:SharedArchiveFile="$libdir/$name.jsa" -cp "$libdir/jbound.jar" >/dev/null 2>&1; then
      rm -f "$libdir/jbound.jsa" "$libdir/jbound-analysis.jsa"
      archived=" (no class-data archive: '$java -Xshare:dump' failed; jbound starts slower)"
      break
    fi
  done
else
  archived=" (no class-data archive)"
fi

echo "installed jbound under $root$archived"
case ":${PATH:-}:" in
  *":$prefix/bin:"*) ;;
  *) [ -n "$destdir" ] || echo "note: $prefix/bin is not on your PATH" ;;
esac
