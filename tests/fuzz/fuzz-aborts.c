/* fuzz-aborts.c: a GLib critical in a fuzz target ends in SIGABRT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer saves a reproducer for an abort(), not for the breakpoint
 * (SIGTRAP) GLib ends a fatal message with.
 */
#define G_LOG_DOMAIN "xs-fuzz"

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <json-glib/json-glib.h>

#include "fuzz-common.h"

/* The child's messages would read as the test's own TAP output */
static void
silence (void)
{
  int fd = open ("/dev/null", O_WRONLY);

  dup2 (fd, STDOUT_FILENO);
  dup2 (fd, STDERR_FILENO);
  close (fd);
}

static int
run_child (GLogLevelFlags level)
{
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      silence ();
      xs_fuzz_init ();
      g_log (G_LOG_DOMAIN, level, "expected by the test");
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  return WTERMSIG (status);
}

static void
test_critical (void)
{
  g_assert_cmpint (run_child (G_LOG_LEVEL_CRITICAL), ==, SIGABRT);
}

static void
test_warning (void)
{
  g_assert_cmpint (run_child (G_LOG_LEVEL_WARNING), ==, SIGABRT);
}

static void
test_return_if_fail (void)
{
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      silence ();
      xs_fuzz_init ();
      /* what an empty manifest.json once did: a library's
       * g_return_val_if_fail() on NULL data */
      (void) json_parser_load_from_data (parser, NULL, 0, NULL);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGABRT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fuzz/aborts/critical", test_critical);
  g_test_add_func ("/fuzz/aborts/warning", test_warning);
  g_test_add_func ("/fuzz/aborts/return-if-fail", test_return_if_fail);
  return g_test_run ();
}
