-- Xueshi schema, version 3: review by the right side, locked submissions,
-- and an audit trail that no code path can skip.
--
-- claim.side is the side that decided the claim: 'hr' (人社部门) decides
-- public hours, 'industry' (行业主管部门) professional ones; NULL until
-- decided (and for decisions recorded before version 3, which did not say).
-- claim.reason is why the claim is where it is: the reason of a rejection,
-- or of a withdrawal.
--
-- audit.trainee_id is the trainee an entry is about (NULL for entries that
-- are about no trainee, and for entries written before version 3): the
-- trainee's History. It is no foreign key: the trail outlives the rows.
-- Audit entries never hold an identity or phone number: a trainee's change
-- lists the names of the fields that changed, never their values.

ALTER TABLE claim ADD COLUMN side TEXT
  CHECK (side IS NULL OR (side = 'hr' AND category = 'public')
         OR (side = 'industry' AND category = 'professional'));

ALTER TABLE audit ADD COLUMN trainee_id INTEGER;

CREATE INDEX audit_trainee ON audit (trainee_id) WHERE trainee_id IS NOT NULL;
-- Entries written before version 3 are found by what they are about.
CREATE INDEX audit_legacy ON audit (entity, entity_id) WHERE trainee_id IS NULL;

-- Locking ---------------------------------------------------------------

-- A submitted or approved claim does not change; a rejected one changes
-- only on its way back to draft. Withdrawal (submitted -> draft) and
-- reopening (rejected -> draft) change the status alone, after which the
-- claim is a draft again. class_id is left out: deleting a class sets it
-- to NULL on every claim of the class.
CREATE TRIGGER claim_locked
BEFORE UPDATE OF trainee_id, year, category, compulsory, kind, variant, hours, title, date,
                 source, plan_ref, absence_kind, absence_months ON claim
WHEN OLD.status = 'submitted' OR OLD.status = 'approved'
     OR (OLD.status = 'rejected' AND NEW.status IS NOT 'draft')
BEGIN
  SELECT RAISE (ABORT, 'the claim is submitted or decided and cannot be changed; withdraw or reopen it first');
END;

-- The moves between states, whoever makes them.
CREATE TRIGGER claim_status_move
BEFORE UPDATE OF status ON claim
WHEN OLD.status IS NOT NEW.status
     AND NOT ((OLD.status = 'draft' AND NEW.status = 'submitted')
              OR (OLD.status = 'rejected' AND NEW.status = 'submitted')
              OR (OLD.status = 'submitted' AND NEW.status = 'approved')
              OR (OLD.status = 'submitted' AND NEW.status = 'rejected')
              OR (OLD.status = 'submitted' AND NEW.status = 'draft')
              OR (OLD.status = 'rejected' AND NEW.status = 'draft'))
BEGIN
  SELECT RAISE (ABORT, 'a claim cannot move between these states');
END;

CREATE TRIGGER claim_reject_reason
BEFORE UPDATE OF status ON claim
WHEN NEW.status = 'rejected' AND OLD.status IS NOT 'rejected'
     AND (NEW.reason IS NULL OR trim (NEW.reason) = '')
BEGIN
  SELECT RAISE (ABORT, 'a rejection needs a reason');
END;

CREATE TRIGGER claim_withdraw_reason
BEFORE UPDATE OF status ON claim
WHEN OLD.status = 'submitted' AND NEW.status = 'draft'
     AND (NEW.reason IS NULL OR trim (NEW.reason) = '')
BEGIN
  SELECT RAISE (ABORT, 'a withdrawal needs a reason');
END;

-- Audit: trainees -------------------------------------------------------

CREATE TRIGGER audit_trainee_insert AFTER INSERT ON trainee
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('trainee', NEW.id, 'insert', NEW.name, NEW.id);
END;

CREATE TRIGGER audit_trainee_update AFTER UPDATE ON trainee
WHEN OLD.id_number IS NOT NEW.id_number OR OLD.name IS NOT NEW.name
     OR OLD.sex IS NOT NEW.sex OR OLD.birth_date IS NOT NEW.birth_date
     OR OLD.employer IS NOT NEW.employer OR OLD.title IS NOT NEW.title
     OR OLD.specialty IS NOT NEW.specialty OR OLD.county IS NOT NEW.county
     OR OLD.phone IS NOT NEW.phone
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('trainee', NEW.id, 'update',
          rtrim (CASE WHEN OLD.id_number IS NOT NEW.id_number THEN 'id_number,' ELSE '' END
                 || CASE WHEN OLD.name IS NOT NEW.name THEN 'name,' ELSE '' END
                 || CASE WHEN OLD.sex IS NOT NEW.sex THEN 'sex,' ELSE '' END
                 || CASE WHEN OLD.birth_date IS NOT NEW.birth_date THEN 'birth_date,' ELSE '' END
                 || CASE WHEN OLD.employer IS NOT NEW.employer THEN 'employer,' ELSE '' END
                 || CASE WHEN OLD.title IS NOT NEW.title THEN 'title,' ELSE '' END
                 || CASE WHEN OLD.specialty IS NOT NEW.specialty THEN 'specialty,' ELSE '' END
                 || CASE WHEN OLD.county IS NOT NEW.county THEN 'county,' ELSE '' END
                 || CASE WHEN OLD.phone IS NOT NEW.phone THEN 'phone,' ELSE '' END, ','),
          NEW.id);
END;

CREATE TRIGGER audit_trainee_delete AFTER DELETE ON trainee
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('trainee', OLD.id, 'delete', OLD.name, OLD.id);
END;

-- Audit: claims (the version 1 triggers again, now naming the trainee) --

DROP TRIGGER audit_claim_insert;
DROP TRIGGER audit_claim_status;
DROP TRIGGER audit_claim_delete;
DROP TRIGGER audit_claim_evidence_insert;
DROP TRIGGER audit_claim_evidence_delete;

CREATE TRIGGER audit_claim_insert AFTER INSERT ON claim
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('claim', NEW.id, 'insert', NEW.status, NEW.trainee_id);
END;

-- detail: the names of the fields that changed, comma-separated.
CREATE TRIGGER audit_claim_change AFTER UPDATE ON claim
WHEN OLD.trainee_id IS NOT NEW.trainee_id OR OLD.class_id IS NOT NEW.class_id
     OR OLD.year IS NOT NEW.year OR OLD.category IS NOT NEW.category
     OR OLD.compulsory IS NOT NEW.compulsory OR OLD.kind IS NOT NEW.kind
     OR OLD.variant IS NOT NEW.variant OR OLD.hours IS NOT NEW.hours
     OR OLD.title IS NOT NEW.title OR OLD.date IS NOT NEW.date
     OR OLD.source IS NOT NEW.source OR OLD.plan_ref IS NOT NEW.plan_ref
     OR OLD.absence_kind IS NOT NEW.absence_kind OR OLD.absence_months IS NOT NEW.absence_months
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('claim', NEW.id, 'change',
          rtrim (CASE WHEN OLD.trainee_id IS NOT NEW.trainee_id THEN 'trainee,' ELSE '' END
                 || CASE WHEN OLD.class_id IS NOT NEW.class_id THEN 'class,' ELSE '' END
                 || CASE WHEN OLD.year IS NOT NEW.year THEN 'year,' ELSE '' END
                 || CASE WHEN OLD.category IS NOT NEW.category THEN 'category,' ELSE '' END
                 || CASE WHEN OLD.compulsory IS NOT NEW.compulsory THEN 'compulsory,' ELSE '' END
                 || CASE WHEN OLD.kind IS NOT NEW.kind THEN 'kind,' ELSE '' END
                 || CASE WHEN OLD.variant IS NOT NEW.variant THEN 'variant,' ELSE '' END
                 || CASE WHEN OLD.hours IS NOT NEW.hours THEN 'hours,' ELSE '' END
                 || CASE WHEN OLD.title IS NOT NEW.title THEN 'title,' ELSE '' END
                 || CASE WHEN OLD.date IS NOT NEW.date THEN 'date,' ELSE '' END
                 || CASE WHEN OLD.source IS NOT NEW.source THEN 'source,' ELSE '' END
                 || CASE WHEN OLD.plan_ref IS NOT NEW.plan_ref THEN 'plan_ref,' ELSE '' END
                 || CASE WHEN OLD.absence_kind IS NOT NEW.absence_kind THEN 'absence,' ELSE '' END
                 || CASE WHEN OLD.absence_months IS NOT NEW.absence_months THEN 'absence_months,' ELSE '' END,
                 ','),
          NEW.trainee_id);
END;

-- A status change: 'withdraw' for submitted -> draft, else 'status'; the
-- detail is a JSON object with from, to, side, reviewer and reason.
CREATE TRIGGER audit_claim_status AFTER UPDATE OF status ON claim
WHEN OLD.status IS NOT NEW.status
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('claim', NEW.id,
          CASE WHEN OLD.status = 'submitted' AND NEW.status = 'draft' THEN 'withdraw' ELSE 'status' END,
          json_object ('from', OLD.status, 'to', NEW.status, 'side', NEW.side,
                       'reviewer', NEW.reviewer, 'reason', NEW.reason),
          NEW.trainee_id);
END;

CREATE TRIGGER audit_claim_delete AFTER DELETE ON claim
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('claim', OLD.id, 'delete', OLD.status, OLD.trainee_id);
END;

-- Evidence links: detail is the material (never the file's name, which may
-- carry personal data).
CREATE TRIGGER audit_claim_evidence_insert AFTER INSERT ON claim_evidence
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('claim', NEW.claim_id, 'attach', NEW.material,
          (SELECT trainee_id FROM claim WHERE id = NEW.claim_id));
END;

CREATE TRIGGER audit_claim_evidence_delete AFTER DELETE ON claim_evidence
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('claim', OLD.claim_id, 'detach', OLD.material,
          (SELECT trainee_id FROM claim WHERE id = OLD.claim_id));
END;

-- Audit: training classes ----------------------------------------------

CREATE TRIGGER audit_class_insert AFTER INSERT ON training_class
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail)
  VALUES ('class', NEW.id, 'insert', NEW.code);
END;

CREATE TRIGGER audit_class_update AFTER UPDATE ON training_class
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail)
  VALUES ('class', NEW.id, 'update', NEW.code);
END;

CREATE TRIGGER audit_class_delete AFTER DELETE ON training_class
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail)
  VALUES ('class', OLD.id, 'delete', OLD.code);
END;

-- Audit: certificates (the version 2 triggers again, naming the trainee) -

DROP TRIGGER audit_certificate_issue;
DROP TRIGGER audit_certificate_revoke;

CREATE TRIGGER audit_certificate_issue AFTER INSERT ON certificate
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('certificate', NEW.id, 'issue', NEW.serial, NEW.trainee_id);
END;

CREATE TRIGGER audit_certificate_revoke AFTER UPDATE OF revoked_at ON certificate
BEGIN
  INSERT INTO audit (entity, entity_id, action, detail, trainee_id)
  VALUES ('certificate', NEW.id, 'revoke', NEW.serial || ': ' || NEW.revoke_reason, NEW.trainee_id);
END;

PRAGMA user_version = 3;
