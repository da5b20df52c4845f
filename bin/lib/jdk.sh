# Finds a JDK 21 or later for bin/start and bin/test (sourced, not run): JAVA_HOME when it is one, else the
# newest JDK in the usual install locations, else the `java` on PATH. Sets and exports JAVA_HOME, sets JAVA
# (its java) and JAVA_FEATURE (its feature release, e.g. 25); returns 1 with a message when there is none.

# The feature release of the JDK at $1 (e.g. 25), or nothing when it is not a JDK.
jdk_feature() {
  local home=$1 version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  fi
  version=${version#1.}            # 1.8 -> 8
  echo "${version%%[.+-]*}"
}

find_jdk() {
  local wanted=21 best="" best_feature=0 home feature
  if [ -n "${JAVA_HOME:-}" ]; then
    feature=$(jdk_feature "$JAVA_HOME")
    if [ -n "$feature" ] && [ "$feature" -ge "$wanted" ]; then
      best=$JAVA_HOME; best_feature=$feature
    else
      echo "JAVA_HOME=$JAVA_HOME is not a JDK $wanted or later${feature:+ (it is $feature)}: looking for one" >&2
    fi
  fi
  if [ -z "$best" ]; then
    for home in /usr/lib/jvm/* /usr/java/* /usr/local/java/* /opt/java/* /opt/jdk* /opt/*/jdk* \
                /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* \
                "$HOME"/.jdks/* "$HOME"/.local/share/mise/installs/java/* "$HOME"/.asdf/installs/java/*; do
      [ -d "$home" ] || continue
      home=$(cd "$home" && pwd -P)
      feature=$(jdk_feature "$home")
      if [ -n "$feature" ] && [ "$feature" -ge "$wanted" ] && [ "$feature" -gt "$best_feature" ]; then
        best=$home; best_feature=$feature
      fi
    done
  fi
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    feature=$(jdk_feature "$home")
    if [ -n "$feature" ] && [ "$feature" -ge "$wanted" ]; then
      best=$home; best_feature=$feature
    fi
  fi
  if [ -z "$best" ]; then
    echo "Storekeeper needs a JDK $wanted or later, and none was found (JAVA_HOME, /usr/lib/jvm, PATH)." >&2
    echo "Install one, e.g. on Debian/Ubuntu: sudo apt-get install -y openjdk-21-jdk-headless (or Temurin 25 from" >&2
    echo "https://adoptium.net), or point JAVA_HOME at one." >&2
    return 1
  fi
  export JAVA_HOME=$best
  JAVA="$JAVA_HOME/bin/java"
  JAVA_FEATURE=$best_feature
}

# The JVM options that run the JIT's compiler threads ahead of the requests (nice -15) when this process may raise a
# thread's priority (root, or CAP_SYS_NICE); nothing otherwise, as the JVM could not apply them. A node restarted
# under load compiles its request path in 6-7 s instead of 10-12 (the compiler threads no longer share the cores
# evenly with the requests they slow down), and serves about 45 % more in its first 10 s (bench/RESULTS.md, round
# two, seventh session). When nothing is left to compile they are idle, so the steady state does not change.
#   compiler_priority_opts [the JVM options given...]: nothing either when those name CompilerThreadPriority
compiler_priority_opts() {
  case " $* " in *"CompilerThreadPriority"*) return 0;; esac
  if (renice -n -1 -p "$BASHPID") >/dev/null 2>&1; then
    echo "-XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=-15"
  fi
}
