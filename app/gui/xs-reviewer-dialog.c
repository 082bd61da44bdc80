/* xs-reviewer-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-reviewer-dialog"

#include "config.h"

#include "xs-reviewer-dialog.h"

struct _XsReviewerDialog
{
  AdwMessageDialog  parent_instance;

  /* template children */
  AdwEntryRow      *name_row;
  AdwComboRow      *side_row;
  GtkStringList    *sides;
};

G_DEFINE_FINAL_TYPE (XsReviewerDialog, xs_reviewer_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The sides in the order of the combo row's model. */
static const XsReviewSide sides[] = { XS_REVIEW_SIDE_HR, XS_REVIEW_SIDE_INDUSTRY };

XsReviewerDialog *
xs_reviewer_dialog_new (GtkWindow    *parent,
                        const char   *name,
                        XsReviewSide  side)
{
  XsReviewerDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (XS_TYPE_REVIEWER_DIALOG, "transient-for", parent, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  adw_combo_row_set_selected (self->side_row, side == XS_REVIEW_SIDE_INDUSTRY ? 1 : 0);
  return self;
}

char *
xs_reviewer_dialog_get_name (XsReviewerDialog *self)
{
  g_return_val_if_fail (XS_IS_REVIEWER_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

XsReviewSide
xs_reviewer_dialog_get_side (XsReviewerDialog *self)
{
  guint selected;

  g_return_val_if_fail (XS_IS_REVIEWER_DIALOG (self), XS_REVIEW_SIDE_HR);

  selected = adw_combo_row_get_selected (self->side_row);
  return selected < G_N_ELEMENTS (sides) ? sides[selected] : XS_REVIEW_SIDE_HR;
}

static void
on_name_changed (XsReviewerDialog *self)
{
  g_autofree char *name = xs_reviewer_dialog_get_name (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "ok", *name != '\0');
}

/* Enter in the name gives OK, when it is enabled. */
static void
on_name_activated (XsReviewerDialog *self)
{
  if (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "ok"))
    return;
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "ok");
  gtk_window_close (GTK_WINDOW (self));
}

static void
xs_reviewer_dialog_class_init (XsReviewerDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-reviewer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XsReviewerDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewerDialog, side_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewerDialog, sides);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated);
}

static void
xs_reviewer_dialog_init (XsReviewerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the departments' names as the core says them */
  for (gsize i = 0; i < G_N_ELEMENTS (sides); i++)
    gtk_string_list_append (self->sides, xs_review_side_get_label (sides[i]));
  on_name_changed (self);
}
