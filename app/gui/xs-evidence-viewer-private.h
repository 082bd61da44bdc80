/* xs-evidence-viewer-private.h: what the evidence viewer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-document.h"
#include "xs-evidence-viewer.h"
#include "xs-page-cache.h"
#include "xs-thumbnail-strip.h"

G_BEGIN_DECLS

#define MIN_ZOOM         0.1
#define MAX_ZOOM         8.0

/* Worker priorities: lower goes first. */
#define PRIORITY_PAGE      G_PRIORITY_DEFAULT
#define PRIORITY_PREFETCH  G_PRIORITY_DEFAULT_IDLE

struct _XsEvidenceViewer
{
  GtkWidget              parent_instance;

  char                  *path;
  char                  *title;
  char                  *password;
  guint                  generation;      /* one per load: older results are dropped */
  GCancellable          *load_cancellable;

  XsDocument            *document;        /* a PDF, or … */
  GdkTexture            *image;           /* … a picture */
  int                    n_pages;
  int                    page;
  char                  *zoom_mode;       /* fit-width, fit-page, actual, custom */
  double                 zoom;            /* for custom: 1.0 is 100 % */

  /* the main page */
  guint64                wanted_key;      /* what the page area should show */
  guint64                shown_key;       /* what it shows (0: nothing or a stand-in) */
  int                    shown_page;      /* page of the texture shown, -1 for none */
  guint64                page_request_key;
  GCancellable          *page_cancellable;
  guint64                prefetch_key;
  guint                  update_id;
  guint                  spinner_id;
  gulong                 painted_id;
  GdkFrameClock         *painted_clock;   /* weak: painted_id's */

  XsPageCache           *cache;           /* recent renders of the main page */

  /* template children */
  GtkStack              *stack;
  GtkWidget             *toolbar;
  GtkWidget             *page_controls;
  GtkEntry              *page_entry;
  GtkLabel              *n_pages_label;
  GtkMenuButton         *zoom_button;
  GtkScrolledWindow     *page_scroller;
  GtkPicture            *page_picture;
  GtkSpinner            *spinner;
  XsThumbnailStrip      *thumbnail_strip;
  AdwStatusPage         *password_page;
  GtkPasswordEntry      *password_entry;
  GtkLabel              *password_error;
  AdwStatusPage         *error_page;
};

/* A request for the worker: holds the viewer weakly, so that a closed
 * viewer is finalized at once and its late results are dropped. */
typedef struct
{
  GWeakRef      viewer;
  guint         generation;
  int           page;
  guint64       key;
  GCancellable *cancellable;
} XsEvidenceViewerRequest;

/* xs-evidence-viewer.c: the widget, its controls and its zoom */

void                     _xs_evidence_viewer_update_controls     (XsEvidenceViewer        *self);
/* Shows @document or @image (transfer full), just loaded, from its first
 * page and at the default zoom. */
void                     _xs_evidence_viewer_set_document        (XsEvidenceViewer        *self,
                                                                  XsDocument              *document,
                                                                  GdkTexture              *image);

/* xs-evidence-viewer-page.c: the page on screen, rendered by the worker */

XsEvidenceViewerRequest *_xs_evidence_viewer_request_new         (XsEvidenceViewer        *self,
                                                                  int                      page,
                                                                  guint64                  key,
                                                                  GCancellable            *cancellable);
void                     _xs_evidence_viewer_request_free        (XsEvidenceViewerRequest *request);
/* The cache key of @page rendered @pixel_width pixels wide: page << 32 |
 * pixel width. */
guint64                  _xs_evidence_viewer_make_key            (int                      page,
                                                                  int                      pixel_width);
gboolean                 _xs_evidence_viewer_is_loaded           (XsEvidenceViewer        *self);
double                   _xs_evidence_viewer_base_scale          (XsEvidenceViewer        *self);
double                   _xs_evidence_viewer_scale_for           (const char              *mode,
                                                                  double                   zoom,
                                                                  double                   base,
                                                                  gboolean                 picture,
                                                                  double                   width,
                                                                  double                   height,
                                                                  int                      area_width,
                                                                  int                      area_height);
double                   _xs_evidence_viewer_compute_scale       (XsEvidenceViewer        *self);
void                     _xs_evidence_viewer_show_spinner        (XsEvidenceViewer        *self,
                                                                  gboolean                 shown);
void                     _xs_evidence_viewer_update_view         (XsEvidenceViewer        *self);
void                     _xs_evidence_viewer_queue_update        (XsEvidenceViewer        *self);
/* A thumbnail is a stand-in while the page itself is on its way. */
void                     _xs_evidence_viewer_on_thumbnail_ready  (XsEvidenceViewer        *self,
                                                                  int                      page,
                                                                  GdkTexture              *texture);
/* The callback of every page render; user_data is an XsEvidenceViewerRequest. */
void                     _xs_evidence_viewer_on_page_rendered    (GObject                 *source,
                                                                  GAsyncResult            *result,
                                                                  gpointer                 user_data);

/* xs-evidence-viewer-load.c: opening the file in a worker */

/* Forgets the document and every request for it. */
void                     _xs_evidence_viewer_reset               (XsEvidenceViewer        *self);
void                     _xs_evidence_viewer_start_load          (XsEvidenceViewer        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsEvidenceViewerRequest, _xs_evidence_viewer_request_free)

G_END_DECLS
