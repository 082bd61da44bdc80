/* xs-certificate-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificate-check"

#include "config.h"

#include <string.h>

#include "xs-certificate-check.h"
#include "xs-certificate-store.h"

void
xs_certificate_check_clear (XsCertificateCheck *check)
{
  xs_certificate_payload_clear (&check->payload);
  g_clear_pointer (&check->revoked_at, g_free);
  g_clear_pointer (&check->reason, g_free);
  g_clear_pointer (&check->list_issued_at, g_free);
}

gboolean
xs_certificate_check (const char          *text,
                      const char          *public_key_text,
                      XsDb                *db,
                      XsRevocationList    *list,
                      XsCertificateCheck  *check,
                      GError             **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (public_key_text != NULL, FALSE);
  g_return_val_if_fail (db == NULL || XS_IS_DB (db), FALSE);
  g_return_val_if_fail (list == NULL || XS_IS_REVOCATION_LIST (list), FALSE);
  g_return_val_if_fail (check != NULL, FALSE);

  memset (check, 0, sizeof *check);
  if (!xs_certificate_payload_verify (text, public_key_text, &check->payload, error))
    return FALSE;

  if (db != NULL)
    {
      g_autoptr(XsIssuedCertificate) issued = NULL;
      g_autoptr(GError) local_error = NULL;

      issued = xs_certificate_store_lookup (db, check->payload.serial, &local_error);
      if (issued == NULL && !g_error_matches (local_error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          xs_certificate_check_clear (check);
          return FALSE;
        }
      /* Signed with this base's key but not in its register (a database
       * restored from before it was issued): only a list can say more. */
      if (issued != NULL)
        {
          check->status = issued->revoked_at ? XS_REVOCATION_REVOKED : XS_REVOCATION_NOT_REVOKED;
          check->revoked_at = g_strdup (issued->revoked_at);
          check->reason = g_strdup (issued->revoke_reason);
          if (check->status == XS_REVOCATION_REVOKED || list == NULL)
            return TRUE;
        }
    }

  if (list != NULL)
    {
      const char *revoked_at = NULL;
      const char *reason = NULL;

      g_clear_pointer (&check->revoked_at, g_free);
      g_clear_pointer (&check->reason, g_free);
      check->list_issued_at = g_strdup (xs_revocation_list_get_issued_at (list));
      if (xs_revocation_list_lookup (list, check->payload.serial, &revoked_at, &reason))
        {
          check->status = XS_REVOCATION_REVOKED;
          check->revoked_at = g_strdup (revoked_at);
          check->reason = g_strdup (reason);
        }
      else
        check->status = XS_REVOCATION_NOT_REVOKED;
    }
  return TRUE;
}
