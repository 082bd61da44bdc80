/* xs-review-evidence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strip's model is a list of the scans' labels; their thumbnails
 * (first pages of PDFs, pictures scaled down) are made in a worker and
 * shown once all are ready, the viewer showing the first scan meanwhile.
 */
#define G_LOG_DOMAIN "xs-review-evidence"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-document.h"
#include "xs-job.h"
#include "xs-evidence-viewer.h"
#include "xs-review-evidence.h"
#include "xs-texture.h"

#define THUMBNAIL_SIZE 72

struct _XsReviewEvidence
{
  GtkBox              parent_instance;

  XsPackage          *package;
  XsRuleSet          *rules;
  XsPackageClaimItem *claim;
  GtkSingleSelection *selection;   /* over a GtkStringList of labels */
  GPtrArray          *thumbnails;  /* GdkTexture or NULL, per scan */
  GCancellable       *cancellable;

  GtkLabel           *name_label;
  GtkLabel           *position_label;
  GtkListView        *strip;
  GtkStack           *stack;
  XsEvidenceViewer   *viewer;
};

G_DEFINE_FINAL_TYPE (XsReviewEvidence, xs_review_evidence, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_PACKAGE,
  PROP_RULES,
  PROP_CLAIM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const XsPackageEvidence *
evidence_at (XsReviewEvidence *self,
             guint           position)
{
  const XsPackageClaim *claim;

  if (self->claim == NULL)
    return NULL;
  claim = xs_package_claim_item_get_claim (self->claim);
  return position < claim->n_evidence ? &claim->evidence[position] : NULL;
}

/* "Patent certificate — 专利证书1.png" */
static char *
describe_evidence (XsReviewEvidence        *self,
                   const XsPackageEvidence *evidence)
{
  const char *material = evidence->material;

  if (self->rules != NULL && material != NULL)
    material = xs_rule_set_get_material_name (self->rules, material);
  /* Translators: an evidence file: the material it proves, then the file's name */
  return g_strdup_printf (_("%s — %s"), material ? material : "",
                          evidence->original_name ? evidence->original_name : evidence->sha256);
}

static void
show_selected (XsReviewEvidence *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  const XsPackageEvidence *evidence = evidence_at (self, selected);
  g_autofree char *position = NULL;
  g_autofree char *name = NULL;
  const char *path;

  gtk_widget_set_visible (GTK_WIDGET (self->strip), n > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.previous",
                                 evidence != NULL && selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.next",
                                 evidence != NULL && selected + 1 < n);
  if (evidence == NULL)
    {
      gtk_label_set_label (self->position_label, "");
      gtk_label_set_label (self->name_label, "");
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  /* Translators: which scan of the claim is shown: “1 / 3” */
  position = g_strdup_printf (_("%u / %u"), selected + 1, n);
  gtk_label_set_label (self->position_label, position);
  name = describe_evidence (self, evidence);
  gtk_label_set_label (self->name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), name);

  path = xs_package_get_evidence_path (self->package, evidence->sha256);
  if (path == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "viewer");
  xs_evidence_viewer_load_file (self->viewer, path, evidence->original_name);
}

/* The strip's items */

static void
setup_thumbnail (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *picture = gtk_picture_new ();

  gtk_widget_set_size_request (picture, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_margin_start (picture, 3);
  gtk_widget_set_margin_end (picture, 3);
  gtk_widget_set_margin_top (picture, 3);
  gtk_widget_set_margin_bottom (picture, 3);
  gtk_list_item_set_child (list_item, picture);
}

static void
bind_thumbnail (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                XsReviewEvidence         *self)
{
  GtkWidget *picture = gtk_list_item_get_child (list_item);
  guint position = gtk_list_item_get_position (list_item);
  GtkStringObject *label = gtk_list_item_get_item (list_item);
  GdkPaintable *paintable = NULL;
  g_autoptr(GtkIconPaintable) icon = NULL;

  if (self->thumbnails != NULL && position < self->thumbnails->len)
    paintable = g_ptr_array_index (self->thumbnails, position);
  if (paintable == NULL)
    {
      icon = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (picture)),
                                         "image-x-generic-symbolic", NULL, THUMBNAIL_SIZE / 2, 1,
                                         gtk_widget_get_direction (picture), 0);
      paintable = GDK_PAINTABLE (icon);
    }
  gtk_picture_set_paintable (GTK_PICTURE (picture), paintable);
  /* the scan's number and what it is, for screen readers */
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_string_object_get_string (label), -1);
  gtk_widget_set_tooltip_text (picture, gtk_string_object_get_string (label));
}

/* Thumbnails, made in a worker */

typedef struct
{
  GPtrArray *paths;        /* char *, NULL where the package lacks the file */
  GPtrArray *types;        /* media types */
  GPtrArray *thumbnails;   /* GdkTexture or NULL */
} ThumbnailJob;

static void
thumbnail_job_free (ThumbnailJob *job)
{
  g_ptr_array_unref (job->paths);
  g_ptr_array_unref (job->types);
  g_clear_pointer (&job->thumbnails, g_ptr_array_unref);
  g_free (job);
}

static GdkTexture *
make_thumbnail (const char *path,
                const char *media_type)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (media_type, "application/pdf") == 0)
    {
      g_autoptr(XsDocument) document = xs_document_new_from_file (path, NULL, &error);
      cairo_surface_t *surface;
      GdkTexture *texture;
      double width, height;

      if (document == NULL || xs_document_get_n_pages (document) < 1)
        return NULL;
      xs_document_get_page_size (document, 0, &width, &height);
      surface = xs_document_render_page (document, 0, THUMBNAIL_SIZE * 2 / MAX (MAX (width, height), 1), &error);
      if (surface == NULL)
        return NULL;
      texture = xs_texture_new_for_opaque_surface (surface);
      cairo_surface_destroy (surface);
      return texture;
    }
  else
    {
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_scale (path, THUMBNAIL_SIZE * 2, THUMBNAIL_SIZE * 2,
                                                                       TRUE, &error);

      return pixbuf != NULL ? gdk_texture_new_for_pixbuf (pixbuf) : NULL;
    }
}

static gboolean
make_thumbnails (XsJob         *xs_job,
                 XsDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  ThumbnailJob *job = data;

  job->thumbnails = g_ptr_array_new_with_free_func ((GDestroyNotify) g_object_unref);
  for (guint i = 0; i < job->paths->len; i++)
    {
      const char *path = g_ptr_array_index (job->paths, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_ptr_array_add (job->thumbnails, path != NULL ? make_thumbnail (path, g_ptr_array_index (job->types, i)) : NULL);
    }
  return TRUE;
}

static void
on_thumbnails_made (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(XsReviewEvidence) self = user_data;
  ThumbnailJob *job = xs_job_get_data (XS_JOB (object));
  GListModel *model;
  guint n, selected;

  if (!xs_job_run_finish (XS_JOB (object), result, NULL) || self->selection == NULL)
    return;
  model = gtk_single_selection_get_model (self->selection);
  n = g_list_model_get_n_items (model);
  selected = gtk_single_selection_get_selected (self->selection);
  g_clear_pointer (&self->thumbnails, g_ptr_array_unref);
  self->thumbnails = g_steal_pointer (&job->thumbnails);
  /* bind the items again, now with their pictures; the viewer stays */
  g_signal_handlers_block_by_func (self->selection, show_selected, self);
  g_list_model_items_changed (model, 0, n, n);
  gtk_single_selection_set_selected (self->selection, selected);
  g_signal_handlers_unblock_by_func (self->selection, show_selected, self);
}

static void
show_claim (XsReviewEvidence *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(XsJob) xs_job = NULL;
  const XsPackageClaim *claim = self->claim ? xs_package_claim_item_get_claim (self->claim) : NULL;
  ThumbnailJob *job;
  guint n = claim != NULL ? claim->n_evidence : 0;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->thumbnails, g_ptr_array_unref);

  job = g_new0 (ThumbnailJob, 1);
  job->paths = g_ptr_array_new_with_free_func (g_free);
  job->types = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = describe_evidence (self, &claim->evidence[i]);
      /* Translators: a scan in the strip of thumbnails: its number, the number of scans, what it is */
      g_autofree char *label = g_strdup_printf (_("Scan %u of %u: %s"), i + 1, n, name);

      gtk_string_list_append (labels, label);
      g_ptr_array_add (job->paths, g_strdup (xs_package_get_evidence_path (self->package, claim->evidence[i].sha256)));
      g_ptr_array_add (job->types, g_strdup (claim->evidence[i].media_type));
    }
  g_signal_handlers_block_by_func (self->selection, show_selected, self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (labels));
  gtk_single_selection_set_selected (self->selection, n > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->selection, show_selected, self);
  show_selected (self);

  if (n < 2)
    {
      thumbnail_job_free (job);
      return;
    }
  self->cancellable = g_cancellable_new ();
  xs_job = xs_job_new (NULL, make_thumbnails, job, (GDestroyNotify) thumbnail_job_free);
  xs_job_run_async (xs_job, self->cancellable, on_thumbnails_made, g_object_ref (self));
}

void
xs_review_evidence_select_previous (XsReviewEvidence *self)
{
  guint selected;

  g_return_if_fail (XS_IS_REVIEW_EVIDENCE (self));

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    gtk_single_selection_set_selected (self->selection, selected - 1);
}

void
xs_review_evidence_select_next (XsReviewEvidence *self)
{
  guint selected, n;

  g_return_if_fail (XS_IS_REVIEW_EVIDENCE (self));

  selected = gtk_single_selection_get_selected (self->selection);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (selected != GTK_INVALID_LIST_POSITION && selected + 1 < n)
    gtk_single_selection_set_selected (self->selection, selected + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  xs_review_evidence_select_previous (XS_REVIEW_EVIDENCE (widget));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  xs_review_evidence_select_next (XS_REVIEW_EVIDENCE (widget));
}

GtkWidget *
xs_review_evidence_new (void)
{
  return g_object_new (XS_TYPE_REVIEW_EVIDENCE, NULL);
}

void
xs_review_evidence_set_package (XsReviewEvidence *self,
                                XsPackage        *package,
                                XsRuleSet        *rules)
{
  g_return_if_fail (XS_IS_REVIEW_EVIDENCE (self));
  g_return_if_fail (package == NULL || XS_IS_PACKAGE (package));
  g_return_if_fail (rules == NULL || XS_IS_RULE_SET (rules));

  if (g_set_object (&self->package, package))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACKAGE]);
  if (g_set_object (&self->rules, rules))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULES]);
}

void
xs_review_evidence_set_claim (XsReviewEvidence   *self,
                              XsPackageClaimItem *claim)
{
  g_return_if_fail (XS_IS_REVIEW_EVIDENCE (self));
  g_return_if_fail (claim == NULL || XS_IS_PACKAGE_CLAIM_ITEM (claim));
  g_return_if_fail (claim == NULL || self->package != NULL);

  g_set_object (&self->claim, claim);
  show_claim (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM]);
}

guint
xs_review_evidence_get_selected (XsReviewEvidence *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_EVIDENCE (self), GTK_INVALID_LIST_POSITION);
  return gtk_single_selection_get_selected (self->selection);
}

/* The class */

static void
xs_review_evidence_dispose (GObject *object)
{
  XsReviewEvidence *self = XS_REVIEW_EVIDENCE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, show_selected, self);
  if (self->strip != NULL)
    gtk_list_view_set_model (self->strip, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_REVIEW_EVIDENCE);

  G_OBJECT_CLASS (xs_review_evidence_parent_class)->dispose (object);
}

static void
xs_review_evidence_finalize (GObject *object)
{
  XsReviewEvidence *self = XS_REVIEW_EVIDENCE (object);

  g_clear_object (&self->selection);
  g_clear_pointer (&self->thumbnails, g_ptr_array_unref);
  g_clear_object (&self->package);
  g_clear_object (&self->rules);
  g_clear_object (&self->claim);

  G_OBJECT_CLASS (xs_review_evidence_parent_class)->finalize (object);
}

static void
xs_review_evidence_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XsReviewEvidence *self = XS_REVIEW_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_PACKAGE:
      g_value_set_object (value, self->package);
      break;
    case PROP_RULES:
      g_value_set_object (value, self->rules);
      break;
    case PROP_CLAIM:
      g_value_set_object (value, self->claim);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_evidence_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XsReviewEvidence *self = XS_REVIEW_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_PACKAGE:
      xs_review_evidence_set_package (self, g_value_get_object (value), self->rules);
      break;
    case PROP_RULES:
      xs_review_evidence_set_package (self, self->package, g_value_get_object (value));
      break;
    case PROP_CLAIM:
      xs_review_evidence_set_claim (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_evidence_class_init (XsReviewEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_review_evidence_dispose;
  object_class->finalize = xs_review_evidence_finalize;
  object_class->get_property = xs_review_evidence_get_property;
  object_class->set_property = xs_review_evidence_set_property;

  properties[PROP_PACKAGE] =
    g_param_spec_object ("package", NULL, NULL, XS_TYPE_PACKAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULES] =
    g_param_spec_object ("rules", NULL, NULL, XS_TYPE_RULE_SET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLAIM] =
    g_param_spec_object ("claim", NULL, NULL, XS_TYPE_PACKAGE_CLAIM_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XS_TYPE_EVIDENCE_VIEWER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-review-evidence.ui");
  gtk_widget_class_bind_template_child (widget_class, XsReviewEvidence, name_label);
  gtk_widget_class_bind_template_child (widget_class, XsReviewEvidence, position_label);
  gtk_widget_class_bind_template_child (widget_class, XsReviewEvidence, strip);
  gtk_widget_class_bind_template_child (widget_class, XsReviewEvidence, stack);
  gtk_widget_class_bind_template_child (widget_class, XsReviewEvidence, viewer);
  gtk_widget_class_install_action (widget_class, "evidence.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "evidence.next", NULL, next_action);
}

static void
xs_review_evidence_init (XsReviewEvidence *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (gtk_string_list_new (NULL)));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (show_selected), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_thumbnail), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_thumbnail), self);
  gtk_list_view_set_factory (self->strip, factory);
  gtk_list_view_set_model (self->strip, GTK_SELECTION_MODEL (self->selection));
  show_selected (self);
}
