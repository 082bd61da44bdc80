/* xs-base-profile.h: who the base is, kept in its database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-certificate.h"
#include "xs-db.h"

G_BEGIN_DECLS

/* The longest base name or issuer, in characters. */
#define XS_BASE_PROFILE_MAX_NAME 100
/* The largest seal image, in bytes. */
#define XS_BASE_PROFILE_MAX_SEAL (4 * 1024 * 1024)
/* The largest correction of the printer's drift, each way, in mm. */
#define XS_BASE_PROFILE_MAX_OFFSET 20.0

#define XS_TYPE_CERTIFICATE_ORIENTATION (xs_certificate_orientation_get_type ())
GType xs_certificate_orientation_get_type (void);
#define XS_TYPE_CERTIFICATE_LANGUAGE (xs_certificate_language_get_type ())
GType xs_certificate_language_get_type (void);

#define XS_TYPE_BASE_PROFILE (xs_base_profile_get_type ())
G_DECLARE_FINAL_TYPE (XsBaseProfile, xs_base_profile, XS, BASE_PROFILE, GObject)

/* An empty profile, not tied to a database. */
XsBaseProfile      *xs_base_profile_new                 (void);
/* The profile stored in @db, with the fingerprint of the signing key in
 * @db's data folder (none while no key has been made). */
XsBaseProfile      *xs_base_profile_load                (XsDb           *db,
                                                         GError        **error);
/* Writes the profile to @db in one audited transaction. Refuses (and
 * changes nothing) a name or issuer that is too long or holds line breaks
 * or other control characters. Saving an unchanged profile writes nothing. */
gboolean            xs_base_profile_save                (XsBaseProfile  *self,
                                                         XsDb           *db,
                                                         GError        **error);
/* Puts back the values last loaded or saved (after a refused save). */
void                xs_base_profile_revert              (XsBaseProfile  *self);
/* TRUE while nobody has saved the profile of this database yet. */
gboolean            xs_base_profile_is_empty            (XsBaseProfile  *self);

/* The base's name as certificates and packages show it; "" when unset.
 * Setting it strips leading and trailing white space. */
const char         *xs_base_profile_get_name            (XsBaseProfile  *self);
void                xs_base_profile_set_name            (XsBaseProfile  *self,
                                                         const char     *name);
/* Whether @self (NULL: no profile) names the base: certificates and
 * packages need a name. */
gboolean            xs_base_profile_has_name            (XsBaseProfile  *self);
/* A second issuing body (e.g. the department above the base); "" for none. */
const char         *xs_base_profile_get_issuer          (XsBaseProfile  *self);
void                xs_base_profile_set_issuer          (XsBaseProfile  *self,
                                                         const char     *issuer);
/* The seal printed on certificates, a PNG; NULL for none. */
GBytes             *xs_base_profile_get_seal            (XsBaseProfile  *self);
/* Refuses (and keeps the seal it had) anything but a readable PNG image of
 * at most XS_BASE_PROFILE_MAX_SEAL bytes. NULL removes the seal. */
gboolean            xs_base_profile_set_seal            (XsBaseProfile  *self,
                                                         GBytes         *png,
                                                         GError        **error);
/* Reads @path and sets it as the seal; the error names the file. */
gboolean            xs_base_profile_set_seal_from_file  (XsBaseProfile  *self,
                                                         const char     *path,
                                                         GError        **error);
XsCertificateOrientation xs_base_profile_get_orientation (XsBaseProfile *self);
void                xs_base_profile_set_orientation     (XsBaseProfile  *self,
                                                         XsCertificateOrientation orientation);
gboolean            xs_base_profile_get_full_id_number  (XsBaseProfile  *self);
void                xs_base_profile_set_full_id_number  (XsBaseProfile  *self,
                                                         gboolean        full_id_number);
/* The language certificates are printed in (Chinese unless chosen),
 * whatever the desktop's locale. */
XsCertificateLanguage xs_base_profile_get_language      (XsBaseProfile  *self);
void                xs_base_profile_set_language        (XsBaseProfile  *self,
                                                         XsCertificateLanguage language);
/* The template certificates of @kind are printed with: a name from
 * xs_certificate_templates_list(), "" for the standard design in the
 * profile's orientation. Checked when issuing. */
const char         *xs_base_profile_get_kind_template   (XsBaseProfile  *self,
                                                         XsCertificateKind kind);
void                xs_base_profile_set_kind_template   (XsBaseProfile  *self,
                                                         XsCertificateKind kind,
                                                         const char     *name);
/* The printer's drift corrected, in mm, right and down positive; kept to
 * a tenth of a mm, at most XS_BASE_PROFILE_MAX_OFFSET each way. */
void                xs_base_profile_get_offset          (XsBaseProfile  *self,
                                                         double         *x_mm,
                                                         double         *y_mm);
void                xs_base_profile_set_offset          (XsBaseProfile  *self,
                                                         double          x_mm,
                                                         double          y_mm);
/* SHA-256 of the public key text (xs_signing_key_get_public_text()), its
 * first 16 bytes in hexadecimal, by groups of four digits; NULL while the
 * data folder has no key. Computed, never stored. */
const char         *xs_base_profile_get_key_fingerprint (XsBaseProfile  *self);

/* Points @settings at the profile's values (valid while @self lives and is
 * unchanged); the seal goes in @settings->seal. */
void                xs_base_profile_get_certificate_settings (XsBaseProfile         *self,
                                                              XsCertificateSettings *settings);

G_END_DECLS
