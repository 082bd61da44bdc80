/* xs-trainee-cells.h: the cells of the trainees list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  XS_TRAINEE_CELL_NAME,
  XS_TRAINEE_CELL_MASKED_ID,
  XS_TRAINEE_CELL_EMPLOYER,
  XS_TRAINEE_CELL_PUBLIC,
  XS_TRAINEE_CELL_PROFESSIONAL,
  XS_TRAINEE_CELL_TOTAL,
  XS_TRAINEE_CELL_STATUS,
} XsTraineeCell;

/* A factory for one column of XsTraineeItems. */
GtkListItemFactory *xs_trainee_cells_factory_new (XsTraineeCell cell);

G_END_DECLS
