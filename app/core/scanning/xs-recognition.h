/* xs-recognition.h: what a scan's text says (identity numbers, names,
 * dates, hours, title, which material it is)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   **id_numbers;          /* 18 characters that pass GB 11643 */
  char   **names;
  char   **dates;               /* ISO 8601, in the order they appear */
  int     *hours;               /* tenths of an hour */
  guint    n_hours;
  char    *title;               /* the class, meeting or paper; may be NULL */
  char    *material;            /* material code; may be NULL */
  double   material_confidence; /* 0 … 1 */
  char    *text;                /* the full recognised text */
} XsRecognition;

void           xs_recognition_free        (XsRecognition  *recognition);
/* Finds what @text says. @trainee_name, when given, is looked for too:
 * a page that names the claim's trainee lists that name first. */
XsRecognition *xs_recognition_from_text   (const char     *text,
                                           const char     *trainee_name);
/* The Chinese name of a material code the recogniser knows, or NULL. */
const char    *xs_recognition_material_name (const char   *code);

/* { id_numbers, names, dates, hours, title, material: { code, confidence },
 *   text } */
JsonNode      *xs_recognition_to_json     (const XsRecognition *recognition);
XsRecognition *xs_recognition_from_json   (const char     *json,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsRecognition, xs_recognition_free)

G_END_DECLS
