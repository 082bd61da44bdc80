/* xs-base-profile-record.h: the base profile's row in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificate-types.h"
#include "xs-db.h"

G_BEGIN_DECLS

/* The values of a base profile as they are stored. */
typedef struct
{
  char                     *name;
  char                     *issuer;
  GBytes                   *seal;             /* a PNG, or NULL */
  XsCertificateOrientation  orientation;
  gboolean                  full_id_number;
  XsCertificateLanguage     language;
  char                     *kind_template[2]; /* by XsCertificateKind; "" for the standard one */
  int                       offset[2];        /* x, y: tenths of a mm */
} XsBaseProfileRecord;

/* The values of a profile nobody has saved yet. */
void      xs_base_profile_record_init    (XsBaseProfileRecord        *record);
void      xs_base_profile_record_clear   (XsBaseProfileRecord        *record);
/* Replaces @dest's values with copies of @src's. */
void      xs_base_profile_record_copy    (XsBaseProfileRecord        *dest,
                                          const XsBaseProfileRecord  *src);
/* The names of the fields that differ, comma-separated, for the audit
 * trail (never their values); NULL when none does. */
char     *xs_base_profile_record_describe_changes (const XsBaseProfileRecord *record,
                                                   const XsBaseProfileRecord *stored);
/* Reads the stored row into @record. @saved tells whether anybody has
 * saved it; without a row (deleted by hand) @record is left as it is. */
gboolean  xs_base_profile_record_load    (XsBaseProfileRecord        *record,
                                          XsDb                       *db,
                                          gboolean                   *saved,
                                          GError                    **error);
/* Writes @record as the stored row and audits @changes. Runs inside the
 * caller's transaction. */
gboolean  xs_base_profile_record_save    (const XsBaseProfileRecord  *record,
                                          XsDb                       *db,
                                          const char                 *changes,
                                          GError                    **error);

G_END_DECLS
