/* xs-decisions-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A decisions file is JSON followed by one line, "signature: …", the
 * reviewer's signature of every byte before it.
 */
#define G_LOG_DOMAIN "xs-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xs-decisions-file.h"
#include "xs-package-private.h"

#define MAX_FILE (64 * 1024 * 1024)

struct _XsDecisionsFile
{
  GObject     parent_instance;

  char       *display_name;
  char       *digest;
  char       *signature;     /* NULL when unsigned */
  char       *signed_body;   /* what the signature covers */
  JsonNode   *root;
  /* in @root */
  const char *base_id;
  const char *package;
  const char *reviewer_key;
  JsonArray  *decisions;
};

G_DEFINE_FINAL_TYPE (XsDecisionsFile, xs_decisions_file, G_TYPE_OBJECT)

static void
xs_decisions_file_finalize (GObject *object)
{
  XsDecisionsFile *self = XS_DECISIONS_FILE (object);

  g_free (self->display_name);
  g_free (self->digest);
  g_free (self->signature);
  g_free (self->signed_body);
  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (xs_decisions_file_parent_class)->finalize (object);
}

static void
xs_decisions_file_class_init (XsDecisionsFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_decisions_file_finalize;
}

static void
xs_decisions_file_init (XsDecisionsFile *self)
{
}

/* Reads the JSON, the digest and the signature line. */
static gboolean
read_contents (XsDecisionsFile  *self,
               const char       *path,
               GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *contents = NULL;
  GStatBuf buf;
  gsize length;
  char *line;

  if (g_stat (path, &buf) == 0 && buf.st_size > MAX_FILE)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_A_PACKAGE,
                   _("“%s” is not a decisions file of Xueshi."), self->display_name);
      return FALSE;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  self->digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  /* the last line is the reviewer's signature of every byte before it */
  line = strlen (contents) == length ? g_strrstr (contents, "\n" XS_SIGNATURE_LINE) : NULL;
  if (line != NULL)
    {
      self->signature = g_strstrip (g_strdup (line + 1 + strlen (XS_SIGNATURE_LINE)));
      line[1] = '\0';
      length = (gsize) (line - contents) + 1;
      self->signed_body = g_strdup (contents);
    }
  if (!json_parser_load_from_data (parser, contents, length, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_A_PACKAGE,
                   _("“%s” is not a decisions file of Xueshi."), self->display_name);
      return FALSE;
    }
  self->root = json_node_ref (json_parser_get_root (parser));
  return TRUE;
}

/* The fields every decisions file starts with: format, version, base and
 * package, and its decisions. */
static gboolean
read_header (XsDecisionsFile  *self,
             GError          **error)
{
  g_auto(XsJsonCheck) check = { 0 };
  JsonObject *root = json_node_get_object (self->root);
  JsonNode *key;
  gint64 version;

  if (g_strcmp0 (_xs_json_get_string (&check, root, "format", FALSE), XS_DECISIONS_FORMAT) != 0)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_A_PACKAGE,
                   _("“%s” is not a decisions file of Xueshi."), self->display_name);
      return FALSE;
    }
  version = _xs_json_get_int (&check, root, "format_version", 1, G_MAXINT);
  if (!check.failed && version > XS_DECISIONS_VERSION)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Xueshi (decisions format %d). "
                     "Update Xueshi to apply it."),
                   self->display_name, (int) version);
      return FALSE;
    }
  self->base_id = _xs_json_get_string (&check, root, "base_id", FALSE);
  self->package = _xs_json_get_string (&check, root, "package", FALSE);
  self->decisions = _xs_json_get_array (&check, root, "decisions");
  if (check.failed)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_A_PACKAGE,
                   _("The decisions file “%s” is damaged (at “%s”)."),
                   self->display_name, check.where ? check.where : "package");
      return FALSE;
    }
  key = json_object_get_member (root, "reviewer_key");
  if (key != NULL && JSON_NODE_HOLDS_VALUE (key))
    self->reviewer_key = json_object_get_string_member (root, "reviewer_key");
  return TRUE;
}

XsDecisionsFile *
xs_decisions_file_load (const char  *path,
                        GError     **error)
{
  g_autoptr(XsDecisionsFile) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (XS_TYPE_DECISIONS_FILE, NULL);
  self->display_name = g_path_get_basename (path);
  if (!read_contents (self, path, error) || !read_header (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
xs_decisions_file_get_display_name (XsDecisionsFile *self)
{
  g_return_val_if_fail (XS_IS_DECISIONS_FILE (self), NULL);
  return self->display_name;
}

const char *
xs_decisions_file_get_digest (XsDecisionsFile *self)
{
  g_return_val_if_fail (XS_IS_DECISIONS_FILE (self), NULL);
  return self->digest;
}

const char *
xs_decisions_file_get_base_id (XsDecisionsFile *self)
{
  g_return_val_if_fail (XS_IS_DECISIONS_FILE (self), NULL);
  return self->base_id;
}

const char *
xs_decisions_file_get_package (XsDecisionsFile *self)
{
  g_return_val_if_fail (XS_IS_DECISIONS_FILE (self), NULL);
  return self->package;
}

JsonArray *
xs_decisions_file_get_decisions (XsDecisionsFile *self)
{
  g_return_val_if_fail (XS_IS_DECISIONS_FILE (self), NULL);
  return self->decisions;
}

const char *
xs_decisions_file_get_reviewer_key (XsDecisionsFile *self)
{
  g_return_val_if_fail (XS_IS_DECISIONS_FILE (self), NULL);
  return self->reviewer_key;
}

gboolean
xs_decisions_file_verify (XsDecisionsFile  *self,
                          GError          **error)
{
  g_return_val_if_fail (XS_IS_DECISIONS_FILE (self), FALSE);

  if (self->signature == NULL || self->reviewer_key == NULL)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNSIGNED,
                   _("“%s” carries no reviewer’s signature, so anyone could have written it. Nothing was applied; ask the reviewer to save the decisions with Xueshi, which signs them."),
                   self->display_name);
      return FALSE;
    }
  if (!xs_public_key_verify (self->reviewer_key, (const guint8 *) self->signed_body,
                             strlen (self->signed_body), self->signature))
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_BAD_SIGNATURE,
                   _("“%s” was changed after the reviewer signed it. Nothing was applied; ask the reviewer for the file again."),
                   self->display_name);
      return FALSE;
    }
  return TRUE;
}
