/* xs-certificate-templates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base's own templates live in its database, so that they travel with
 * its profile; the two built-in ones come from the resources.
 */
#define G_LOG_DOMAIN "xs-certificate-templates"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-certificate-templates.h"
#include "xs-db-private.h"

static XsCertificateTemplate *
template_from_row (XsDbStmt  *stmt,
                   GError   **error)
{
  g_autoptr(GBytes) data = _xs_db_column_bytes (stmt, 1);
  g_autoptr(GBytes) background = _xs_db_column_length (stmt, 2) > 0 ? _xs_db_column_bytes (stmt, 2) : NULL;
  g_autoptr(XsCertificateTemplate) template = NULL;

  template = xs_certificate_template_new_from_data (data, _xs_db_column_text (stmt, 0), error);
  if (template == NULL || !xs_certificate_template_set_background (template, background, error))
    return NULL;
  return g_steal_pointer (&template);
}

GPtrArray *
xs_certificate_templates_list (XsDb    *db,
                               GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  g_ptr_array_add (list, xs_certificate_template_new_builtin (XS_TEMPLATE_PORTRAIT));
  g_ptr_array_add (list, xs_certificate_template_new_builtin (XS_TEMPLATE_LANDSCAPE));
  stmt = _xs_db_prepare (db, "SELECT name, data, background FROM certificate_template ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      XsCertificateTemplate *template = template_from_row (stmt, &local_error);

      /* one a newer version wrote, or fonts since removed: not offered */
      if (template == NULL)
        g_warning ("%s", local_error->message);
      else
        g_ptr_array_add (list, template);
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

XsCertificateTemplate *
xs_certificate_templates_lookup (XsDb                     *db,
                                 const char               *name,
                                 XsCertificateOrientation  orientation,
                                 GError                  **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  if (name == NULL || *name == '\0')
    return xs_certificate_template_new_standard (orientation);
  if (g_str_equal (name, XS_TEMPLATE_PORTRAIT) || g_str_equal (name, XS_TEMPLATE_LANDSCAPE))
    return xs_certificate_template_new_builtin (name);
  stmt = _xs_db_prepare (db, "SELECT name, data, background FROM certificate_template WHERE name = ?1", error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text (stmt, 1, name);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_ROW)
    return template_from_row (stmt, error);
  if (rc == XS_DB_DONE)
    g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                 _("There is no certificate template “%s”: add it with “xueshi-cli templates add FILE” or choose another in Preferences."),
                 name);
  else
    _xs_db_set_error (db, error);
  return NULL;
}

static gboolean
name_taken (XsDb        *db,
            const char  *name,
            gboolean    *taken,
            GError     **error)
{
  g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db, "SELECT 1 FROM certificate_template WHERE name = ?1", error);

  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_text (stmt, 1, name);
  return _xs_db_next_row (db, stmt, taken, error);
}

XsCertificateTemplate *
xs_certificate_templates_add (XsDb        *db,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(XsCertificateTemplate) template = NULL;
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean taken = FALSE;
  const char *name;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  basename = g_path_get_basename (path);
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  data = g_bytes_new_take (g_steal_pointer (&contents), length);
  template = xs_certificate_template_new_from_data (data, basename, error);
  if (template == NULL)
    return NULL;
  name = xs_certificate_template_get_name (template);
  if (g_str_equal (name, XS_TEMPLATE_PORTRAIT) || g_str_equal (name, XS_TEMPLATE_LANDSCAPE))
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("“%s” is the name of a built-in template: give the template in “%s” another “name”."),
                   name, basename);
      return NULL;
    }

  /* the blank form's scan, beside the template file, kept with it */
  if (xs_certificate_template_get_background_name (template) != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *image_path = g_build_filename (dir, xs_certificate_template_get_background_name (template), NULL);
      g_autofree char *image = NULL;
      g_autoptr(GBytes) image_bytes = NULL;
      gsize image_length = 0;

      if (!g_file_get_contents (image_path, &image, &image_length, error))
        {
          g_prefix_error (error, _("The scan of the blank form that “%s” names cannot be read: "), basename);
          return NULL;
        }
      image_bytes = g_bytes_new_take (g_steal_pointer (&image), image_length);
      if (!xs_certificate_template_set_background (template, image_bytes, error))
        return NULL;
    }

  if (!xs_db_begin (db, error))
    return NULL;
  if (!name_taken (db, name, &taken, error))
    goto fail;
  if (taken)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("The base already has a template named “%s”: remove it first (“xueshi-cli templates remove %s”) or give the new one another “name”."),
                   name, name);
      goto fail;
    }
  stmt = _xs_db_prepare (db, "INSERT INTO certificate_template (name, data, added_at, background) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto fail;
  _xs_db_bind_text (stmt, 1, name);
  _xs_db_bind_blob (stmt, 2, g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  _xs_db_bind_text_static (stmt, 3, _xs_db_get_now (db));
  if (xs_certificate_template_get_background (template) != NULL)
    _xs_db_bind_blob (stmt, 4, g_bytes_get_data (xs_certificate_template_get_background (template), NULL),
                      g_bytes_get_size (xs_certificate_template_get_background (template)));
  if (!_xs_db_exec_stmt (db, stmt, error)
      || !_xs_db_audit (db, "certificate_template", _xs_db_last_insert_id (db), "add", name, error))
    goto fail;
  g_clear_pointer (&stmt, _xs_db_stmt_release);
  if (!xs_db_commit (db, error))
    return NULL;
  return g_steal_pointer (&template);

fail:
  g_clear_pointer (&stmt, _xs_db_stmt_release);
  xs_db_rollback (db);
  return NULL;
}

gboolean
xs_certificate_templates_remove (XsDb        *db,
                                 const char  *name,
                                 GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  gboolean used = FALSE;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_str_equal (name, XS_TEMPLATE_PORTRAIT) || g_str_equal (name, XS_TEMPLATE_LANDSCAPE))
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("“%s” is built in and cannot be removed."), name);
      return FALSE;
    }
  if (!xs_db_begin (db, error))
    return FALSE;
  stmt = _xs_db_prepare (db, "SELECT 1 FROM base_profile WHERE annual_template = ?1 OR completion_template = ?1", error);
  if (stmt == NULL)
    goto fail;
  _xs_db_bind_text (stmt, 1, name);
  if (!_xs_db_next_row (db, stmt, &used, error))
    goto fail;
  g_clear_pointer (&stmt, _xs_db_stmt_release);
  if (used)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("Certificates are printed with the template “%s”: choose another in Preferences first."), name);
      goto fail;
    }
  stmt = _xs_db_prepare (db, "DELETE FROM certificate_template WHERE name = ?1", error);
  if (stmt == NULL)
    goto fail;
  _xs_db_bind_text (stmt, 1, name);
  if (!_xs_db_exec_stmt (db, stmt, error))
    goto fail;
  if (_xs_db_changes (db) == 0)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                   _("There is no certificate template “%s”."), name);
      goto fail;
    }
  if (!_xs_db_audit (db, "certificate_template", 0, "remove", name, error))
    goto fail;
  g_clear_pointer (&stmt, _xs_db_stmt_release);
  return xs_db_commit (db, error);

fail:
  g_clear_pointer (&stmt, _xs_db_stmt_release);
  xs_db_rollback (db);
  return FALSE;
}
