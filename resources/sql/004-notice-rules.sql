-- Xueshi schema, version 4: the rules as the notice says them.
--
-- 1. Kind 16 (其他类别的继续教育形式) is confirmed by the city HR bureau
--    (由市人社局参照专业科目学时折算标准确认学时), so claim.side may be 'hr' on
--    a professional claim; the industry department still never decides
--    public hours. Which kinds HR decides is rule data ("decided_by" in
--    resources/rules/); the column only keeps 'industry' off public claims.
--    SQLite cannot change a column's CHECK in place: the column is dropped
--    and added again with its values kept (the trigger that reads it first).
--
-- 2. 基地统一上报的可以不用提供 is said of kind 1 alone. Until version 4 a
--    base's batch rows of every kind arrived submitted without evidence.
--    Those still awaiting review go back to draft, with the reason recorded
--    (the audit trail's 'withdraw' entry carries it). A submitted batch claim
--    can hold evidence only if it was withdrawn, completed and submitted
--    again, which checks every material: one with no evidence at all is one
--    that lacks its materials (every kind but 1 needs at least one).
--    Approved ones stay approved; `check` names them.
--
-- 3. Kind 15 months may be given in halves (6.5 months abroad is 超过6个月):
--    absence_months holds a REAL; its CHECK (1 to 12) is unchanged.

DROP TRIGGER audit_claim_status;

CREATE TEMP TABLE claim_side_v4 AS SELECT id, side FROM claim WHERE side IS NOT NULL;
ALTER TABLE claim DROP COLUMN side;
ALTER TABLE claim ADD COLUMN side TEXT
  CHECK (side IS NULL OR side = 'hr' OR (side = 'industry' AND category = 'professional'));
UPDATE claim SET side = (SELECT s.side FROM claim_side_v4 s WHERE s.id = claim.id)
WHERE id IN (SELECT id FROM claim_side_v4);
DROP TABLE claim_side_v4;

-- As in version 3.
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

UPDATE claim
SET status = 'draft',
    reason = '按通知附件1，只有第1类（继续教育基地培训班）由基地统一上报时可不提供材料；请上传本类所需材料后重新提交。'
             || ' (The notice exempts only kind 1 from evidence when a base submits it: attach this kind''s materials and submit again.)',
    updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE source = 'batch' AND category = 'professional' AND kind <> 1 AND status = 'submitted'
  AND NOT EXISTS (SELECT 1 FROM claim_evidence ce WHERE ce.claim_id = claim.id);

PRAGMA user_version = 4;
