/* replay.c: runs a fuzz target over its corpus, for `meson test`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with one fuzz-*.c instead of libFuzzer: every file of the
 * directories (and every file) given as arguments goes through
 * LLVMFuzzerTestOneInput() once, in name order, and is reported as a TAP
 * test. A crash or a failed check ends the process, which fails the test
 * and names the last input in the log.
 */
#define G_LOG_DOMAIN "xs-fuzz"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_inputs (GPtrArray  *inputs,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  guint first = inputs->len;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      printf ("Bail out! %s\n", error->message);
      exit (1);
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      /* README.md and the like are not inputs */
      if (name[0] == '.' || g_str_has_suffix (name, ".md")
          || !g_file_test (child, G_FILE_TEST_IS_REGULAR))
        continue;
      g_ptr_array_add (inputs, g_steal_pointer (&child));
    }
  qsort (inputs->pdata + first, inputs->len - first, sizeof (gpointer), compare_paths);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);

  /* stdout is TAP: messages, debug ones included, go to stderr as in a GTest */
  g_log_writer_default_set_use_stderr (TRUE);
  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s CORPUS-DIR-OR-FILE…\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    add_inputs (inputs, argv[i]);

  if (inputs->len == 0)
    {
      printf ("1..0 # SKIP no inputs\n");
      return 0;
    }

  printf ("1..%u\n", inputs->len);
  fflush (stdout);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = g_ptr_array_index (inputs, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u %s # %s\n", i + 1, path, error->message);
          continue;
        }
      /* the log names the input a crash happened on */
      fprintf (stderr, "# %s\n", path);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      printf ("ok %u %s\n", i + 1, path);
      fflush (stdout);
    }
  return 0;
}
