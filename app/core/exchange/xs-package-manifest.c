/* xs-package-manifest.c: a package's manifest.json, written and read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * manifest.json is the package's table of contents: every other member
 * with its size and SHA-256, then the trainees, the claims (each with the
 * evidence it cites, by hash) and the evidence files. Read, it is hostile
 * input: every value's type and range is checked, and a manifest that
 * contradicts itself is refused.
 */
#define G_LOG_DOMAIN "xs-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-package-private.h"
#include "xs-rules.h"

#define MAX_TOTAL XS_PACKAGE_MAX_BYTES
#define MAX_MEMBERS XS_PACKAGE_MAX_MEMBERS

#define DIGEST_CHUNK (64 * 1024)

/* Writing ------------------------------------------------------------------ */

char *
_xs_package_file_digest (const char    *path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) input = g_file_read (file, cancellable, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (DIGEST_CHUNK);
  gssize n;

  if (input == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (input), buffer, DIGEST_CHUNK, cancellable, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_member_entry (JsonBuilder *builder,
                  const char  *name,
                  gint64       size,
                  const char  *sha256)
{
  json_builder_begin_object (builder);
  add_string (builder, "name", name);
  add_int (builder, "size", size);
  add_string (builder, "sha256", sha256);
  json_builder_end_object (builder);
}

static void
add_claim (JsonBuilder             *builder,
           int                      year,
           const XsPackageClaimRow *row)
{
  const XsPackageClaim *c = &row->claim;

  json_builder_begin_object (builder);
  add_string (builder, "ref", c->ref);
  add_string (builder, "id_number", c->id_number);
  add_string (builder, "category", xs_category_to_string (c->category));
  json_builder_set_member_name (builder, "compulsory");
  json_builder_add_boolean_value (builder, c->compulsory);
  add_int (builder, "kind", c->kind);
  add_string (builder, "variant", c->variant);
  add_int (builder, "hours", c->hours);
  add_string (builder, "title", c->title);
  add_string (builder, "date", c->date);
  add_string (builder, "source", xs_source_to_string (c->source));
  add_string (builder, "status", xs_status_to_string (c->status));
  add_string (builder, "review_side",
              xs_review_side_to_string (xs_review_side_for_kind (year, c->category, c->kind)));
  add_string (builder, "class", row->class_code);
  add_string (builder, "plan_ref", row->plan_ref);
  add_string (builder, "absence", row->absence);
  /* whole months as before; a half month as a number with a decimal */
  json_builder_set_member_name (builder, "absence_months");
  if (row->absence_months == (gint64) row->absence_months)
    json_builder_add_int_value (builder, (gint64) row->absence_months);
  else
    json_builder_add_double_value (builder, row->absence_months);
  add_string (builder, "reason", row->reason);
  add_string (builder, "reviewer", row->reviewer);
  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < c->n_evidence; i++)
    {
      json_builder_begin_object (builder);
      add_string (builder, "sha256", c->evidence[i].sha256);
      add_string (builder, "material", c->evidence[i].material);
      add_string (builder, "original_name", c->evidence[i].original_name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

GBytes *
_xs_package_build_manifest (const XsPackageContents *contents)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gint64 member_bytes = 0;
  char *text;
  gsize length;

  for (guint i = 0; i < contents->n_files; i++)
    member_bytes += contents->files[i].size;

  json_builder_begin_object (builder);
  add_string (builder, "format", XS_PACKAGE_FORMAT);
  add_int (builder, "format_version", XS_PACKAGE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "base");
  json_builder_begin_object (builder);
  add_string (builder, "name", contents->base_name != NULL ? contents->base_name : "");
  add_string (builder, "id", contents->base_id);
  add_string (builder, "key", contents->base_key);
  json_builder_end_object (builder);
  add_int (builder, "year", contents->query->year);
  add_string (builder, "rule_set", contents->rule_set);
  json_builder_set_member_name (builder, "selection");
  json_builder_begin_object (builder);
  add_string (builder, "class", contents->query->class_code);
  add_string (builder, "employer", contents->query->employer);
  json_builder_end_object (builder);

  /* every member but the manifest */
  add_int (builder, "member_count", contents->n_files);
  add_int (builder, "member_bytes", member_bytes);
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contents->n_files; i++)
    add_member_entry (builder, contents->files[i].name, contents->files[i].size,
                      contents->files[i].sha256);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "trainees");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contents->n_trainees; i++)
    {
      const XsPackageTrainee *t = &contents->trainees[i];

      json_builder_begin_object (builder);
      add_string (builder, "id_number", t->id_number);
      add_string (builder, "name", t->name);
      add_string (builder, "sex", t->sex);
      add_string (builder, "employer", t->employer);
      add_string (builder, "title", t->title);
      add_string (builder, "specialty", t->specialty);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contents->n_claims; i++)
    add_claim (builder, contents->query->year, &contents->claims[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contents->n_files; i++)
    {
      const XsPackageFile *f = &contents->files[i];

      if (f->media_type == NULL)
        continue;
      json_builder_begin_object (builder);
      add_string (builder, "sha256", f->sha256);
      add_string (builder, "media_type", f->media_type);
      add_int (builder, "size", f->size);
      add_int (builder, "pages", f->pages);
      add_string (builder, "member", f->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/* Reading ------------------------------------------------------------------ */

static gboolean
set_damaged (XsPackageManifest  *self,
             const char         *detail,
             GError            **error)
{
  g_debug ("%s: %s", self->display_name, detail);
  g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_A_PACKAGE,
               _("“%s” is not a submission package of Xueshi, or it is damaged."),
               self->display_name);
  return FALSE;
}

static gboolean
set_manifest_damaged (XsPackageManifest  *self,
                      const char         *where,
                      GError            **error)
{
  g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_A_PACKAGE,
               _("The manifest of “%s” is damaged (at “%s”); ask the base for the package again."),
               self->display_name, where);
  return FALSE;
}

static void
member_free (gpointer data)
{
  XsPackageMember *member = data;

  g_free (member->name);
  g_free (member);
}

void
_xs_package_manifest_init (XsPackageManifest *self,
                           const char        *display_name)
{
  memset (self, 0, sizeof *self);
  self->display_name = g_strdup (display_name);
  self->claims = g_array_new (FALSE, TRUE, sizeof (XsPackageClaim));
  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->members = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, member_free);
}

void
_xs_package_manifest_clear (XsPackageManifest *self)
{
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->claims, g_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_hash_table_unref);
}

static gboolean
parse_members (XsPackageManifest *self,
               XsJsonCheck  *check,
               JsonObject   *root,
               GError      **error)
{
  JsonArray *members = _xs_json_get_array (check, root, "members");
  gint64 count = _xs_json_get_int (check, root, "member_count", 0, MAX_MEMBERS);
  gint64 declared = _xs_json_get_int (check, root, "member_bytes", 0, G_MAXINT64);
  gint64 total = 0;
  guint n = members != NULL ? json_array_get_length (members) : 0;

  for (guint i = 0; i < n && !check->failed; i++)
    {
      JsonObject *object = _xs_json_array_get_object (check, members, i, "members");
      const char *name = _xs_json_get_string (check, object, "name", FALSE);
      gint64 size = _xs_json_get_int (check, object, "size", 0, MAX_TOTAL);
      const char *sha256 = _xs_json_get_string (check, object, "sha256", FALSE);
      const char *hash = NULL, *extension = NULL;
      XsPackageMember *member;

      if (check->failed)
        break;
      if (!_xs_package_is_sha256 (sha256))
        return set_manifest_damaged (self, "sha256", error);
      if (g_strcmp0 (name, XS_PACKAGE_ROSTER) != 0 && g_strcmp0 (name, XS_PACKAGE_HOURS) != 0
          && !(_xs_package_parse_evidence_name (name, &hash, &extension) && strncmp (hash, sha256, 64) == 0))
        return set_manifest_damaged (self, "members", error);
      if (g_hash_table_contains (self->members, name))
        return set_manifest_damaged (self, "members", error);
      total += size;
      if (total > MAX_TOTAL)
        {
          g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNSAFE,
                       _("“%s” was refused: it would unpack to more than %u GB."),
                       self->display_name, (guint) (MAX_TOTAL >> 30));
          return FALSE;
        }
      member = g_new0 (XsPackageMember, 1);
      member->name = g_strdup (name);
      member->size = size;
      member->sha256 = sha256;
      member->evidence = hash != NULL;
      g_hash_table_insert (self->members, member->name, member);
    }
  if (check->failed)
    return set_manifest_damaged (self, check->where, error);
  if (count != n || declared != total)
    return set_manifest_damaged (self, "member_count", error);
  return TRUE;
}

/* sha256 -> its JsonObject in "evidence" */
static GHashTable *
parse_evidence (XsPackageManifest *self,
                XsJsonCheck  *check,
                JsonObject   *root,
                GError      **error)
{
  g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *evidence = _xs_json_get_array (check, root, "evidence");
  guint n = evidence != NULL ? json_array_get_length (evidence) : 0;

  for (guint i = 0; i < n && !check->failed; i++)
    {
      JsonObject *object = _xs_json_array_get_object (check, evidence, i, "evidence");
      const char *sha256 = _xs_json_get_string (check, object, "sha256", FALSE);
      const char *media_type = _xs_json_get_string (check, object, "media_type", FALSE);
      gint64 size = _xs_json_get_int (check, object, "size", 1, MAX_TOTAL);
      const char *name = _xs_json_get_string (check, object, "member", FALSE);
      const char *extension = _xs_package_media_extension (media_type);
      XsPackageMember *member;

      _xs_json_get_int (check, object, "pages", 1, G_MAXINT);
      if (check->failed)
        break;
      member = g_hash_table_lookup (self->members, name);
      if (extension == NULL || member == NULL || !member->evidence || member->size != size
          || g_strcmp0 (member->sha256, sha256) != 0 || !g_str_has_suffix (name, extension)
          || !g_hash_table_insert (files, (gpointer) sha256, object))
        {
          set_manifest_damaged (self, "evidence", error);
          return NULL;
        }
    }
  if (check->failed)
    {
      set_manifest_damaged (self, check->where, error);
      return NULL;
    }
  return g_steal_pointer (&files);
}

static gboolean
parse_claim_evidence (XsJsonCheck     *check,
                      JsonObject      *claim,
                      GHashTable      *files,
                      XsPackageClaim  *c,
                      GPtrArray       *blocks)
{
  JsonArray *list = _xs_json_get_array (check, claim, "evidence");
  guint n = list != NULL ? json_array_get_length (list) : 0;
  XsPackageEvidence *block = g_new0 (XsPackageEvidence, MAX (n, 1));

  g_ptr_array_add (blocks, block);
  for (guint i = 0; i < n && !check->failed; i++)
    {
      JsonObject *object = _xs_json_array_get_object (check, list, i, "evidence");
      const char *sha256 = _xs_json_get_string (check, object, "sha256", FALSE);
      JsonObject *file = sha256 != NULL ? g_hash_table_lookup (files, sha256) : NULL;

      if (check->failed)
        break;
      if (file == NULL)
        return FALSE;
      block[i].sha256 = sha256;
      block[i].media_type = json_object_get_string_member (file, "media_type");
      block[i].size = json_object_get_int_member (file, "size");
      block[i].material = _xs_json_get_string (check, object, "material", FALSE);
      block[i].original_name = _xs_json_get_string (check, object, "original_name", FALSE);
    }
  c->n_evidence = n;
  c->evidence = block;
  return !check->failed;
}

static gboolean
parse_claims (XsPackageManifest *self,
              XsJsonCheck  *check,
              JsonObject   *root,
              GHashTable   *files,
              GError      **error)
{
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) refs = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *trainees = _xs_json_get_array (check, root, "trainees");
  JsonArray *claims = _xs_json_get_array (check, root, "claims");
  guint n_trainees = trainees != NULL ? json_array_get_length (trainees) : 0;
  guint n_claims = claims != NULL ? json_array_get_length (claims) : 0;

  for (guint i = 0; i < n_trainees && !check->failed; i++)
    {
      JsonObject *object = _xs_json_array_get_object (check, trainees, i, "trainees");
      const char *id_number = _xs_json_get_string (check, object, "id_number", FALSE);

      _xs_json_get_string (check, object, "name", FALSE);
      _xs_json_get_string (check, object, "employer", FALSE);
      if (!check->failed && !g_hash_table_insert (people, (gpointer) id_number, object))
        return set_manifest_damaged (self, "trainees", error);
    }

  for (guint i = 0; i < n_claims && !check->failed; i++)
    {
      JsonObject *object = _xs_json_array_get_object (check, claims, i, "claims");
      XsPackageClaim c = { 0 };
      JsonObject *person;
      int year;
      gint64 id;

      c.ref = _xs_json_get_string (check, object, "ref", FALSE);
      c.id_number = _xs_json_get_string (check, object, "id_number", FALSE);
      if (check->failed)
        break;
      person = g_hash_table_lookup (people, c.id_number);
      if (!_xs_package_parse_ref (c.ref, &year, &id) || year != self->year || person == NULL
          || !g_hash_table_add (refs, (gpointer) c.ref))
        return set_manifest_damaged (self, "claims", error);
      c.name = json_object_get_string_member (person, "name");
      c.employer = json_object_get_string_member (person, "employer");
      if (!xs_category_from_string (_xs_json_get_string (check, object, "category", FALSE), &c.category)
          && !check->failed)
        return set_manifest_damaged (self, "category", error);
      c.compulsory = _xs_json_get_bool (check, object, "compulsory");
      c.kind = _xs_json_get_int (check, object, "kind", 0, 16);
      c.variant = _xs_json_get_string (check, object, "variant", TRUE);
      c.hours = _xs_json_get_int (check, object, "hours", 0, G_MAXINT);
      c.title = _xs_json_get_string (check, object, "title", FALSE);
      c.date = _xs_json_get_string (check, object, "date", FALSE);
      if (!check->failed
          && (!xs_source_from_string (_xs_json_get_string (check, object, "source", FALSE), &c.source)
              || !xs_status_from_string (_xs_json_get_string (check, object, "status", FALSE), &c.status)))
        return set_manifest_damaged (self, "claims", error);
      if (!parse_claim_evidence (check, object, files, &c, self->blocks) && !check->failed)
        return set_manifest_damaged (self, "evidence", error);
      if (!check->failed)
        g_array_append_val (self->claims, c);
    }
  if (check->failed)
    return set_manifest_damaged (self, check->where, error);
  return TRUE;
}

gboolean
_xs_package_parse_manifest (XsPackageManifest  *self,
                            GBytes             *bytes,
                            GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) files = NULL;
  g_auto(XsJsonCheck) check = { 0 };
  JsonObject *root, *base;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gint64 version;

  /* An empty GBytes has no data pointer, which the parser refuses; empty
   * text parses to no root at all. */
  if (data == NULL)
    data = "";
  if (!json_parser_load_from_data (parser, data, length, NULL)
      || json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return set_damaged (self, "manifest is no JSON object", error);
  self->root = json_node_ref (json_parser_get_root (parser));
  root = json_node_get_object (self->root);

  if (g_strcmp0 (_xs_json_get_string (&check, root, "format", FALSE), XS_PACKAGE_FORMAT) != 0)
    return set_damaged (self, "not our format", error);
  version = _xs_json_get_int (&check, root, "format_version", 1, G_MAXINT);
  if (check.failed)
    return set_manifest_damaged (self, check.where, error);
  if (version > XS_PACKAGE_FORMAT_VERSION)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Xueshi (package format %d). "
                     "Update Xueshi to open it."),
                   self->display_name, (int) version);
      return FALSE;
    }

  base = _xs_json_get_object (&check, root, "base");
  self->base_name = _xs_json_get_string (&check, base, "name", FALSE);
  self->base_id = _xs_json_get_string (&check, base, "id", FALSE);
  /* format 1 had no key: such a package is shown as unsigned */
  self->base_key = _xs_json_get_string (&check, base, "key", version < 2);
  self->year = _xs_json_get_int (&check, root, "year", 1900, 9999);
  self->rule_set = _xs_json_get_string (&check, root, "rule_set", FALSE);
  if (check.failed)
    return set_manifest_damaged (self, check.where, error);
  if (self->base_key != NULL)
    {
      g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->base_key, -1);

      if (!xs_public_key_is_valid (self->base_key) || strncmp (digest, self->base_id, 16) != 0
          || strlen (self->base_id) != 16)
        return set_manifest_damaged (self, "base", error);
    }

  if (!parse_members (self, &check, root, error))
    return FALSE;
  files = parse_evidence (self, &check, root, error);
  if (files == NULL)
    return FALSE;
  return parse_claims (self, &check, root, files, error);
}

