extension PersonalDataCatalogue {
    private static let plain: ColumnClass = .notPersonal

    static let participants: [Table] = [
        table("participants", .participant, [
            "id": .personal(.pseudonymousID, .rom2Registration, .pseudonym),
            "organisation_id": plain,
            "personal_number_index": .personal(.nationalIdentificationNumber, .rom2Registration, .blindIndex),
            "email_index": .personal(.email, .rom2Registration, .blindIndex),
            "given_name": .personal(.name, .rom2Registration, .encrypted),
            "family_name": .personal(.name, .rom2Registration, .encrypted),
            "personal_number": .personal(.nationalIdentificationNumber, .rom2Registration, .encrypted),
            "phone": .personal(.phone, .rom2Registration, .encrypted),
            "email": .personal(.email, .rom2Registration, .encrypted),
            "address": .personal(.address, .rom2Registration, .encrypted),
            "gender": .personal(.gender, .rom2Registration, .encrypted),
            "education": .personal(.education, .rom2Registration, .encrypted),
            "work_experience": .personal(.workExperience, .rom2Registration, .encrypted),
            "interpreter_language": .personal(.languageSupport, .rom2Registration, .encrypted),
            "protected_identity": .personal(.protectedIdentity, .rom2Registration, .clear,
                                            because: "every screen must know to hide the person's contact details before opening anything"),
            "created_at": plain, "updated_at": plain,
        ]),
        table("placements", .participant, [
            "id": plain, "organisation_id": plain, "unit_id": plain,
            "participant_id": .personal(.pseudonymousID, .rom2Registration, .pseudonym),
            "handledare_id": .personal(.staffRole, .platformStaffAccounts, .pseudonym),
            "implementation_reference_index": .personal(.caseNumber, .rom2Registration, .blindIndex),
            "implementation_reference": .personal(.caseNumber, .rom2Registration, .encrypted),
            "reference_number": .personal(.referenceNumber, .rom2Registration, .encrypted),
            "level": .personal(.placementPeriod, .rom2Registration, .clear, because: "AF's level A/B/C alone identifies no one; needed for reporting queries"),
            "starts_on": .personal(.placementPeriod, .rom2Registration, .clear, because: "retention is computed from the placement period"),
            "ends_on": .personal(.placementPeriod, .rom2Registration, .clear, because: "retention is computed from the placement period"),
            "ended_on": .personal(.placementPeriod, .rom2Registration, .clear, because: "retention is computed from the placement period"),
            "created_at": plain,
            "order_number": .personal(.referenceNumber, .rom2Registration, .encrypted),
            "participation_rate": .personal(.placementPeriod, .rom2Registration, .clear,
                                            because: "a percentage alone identifies no one; activity-hour rules and reports count with it"),
            "case_officer": .personal(.name, .rom2Registration, .encrypted),
        ]),
        table("participant_access_grants", .participant, [
            "id": plain, "organisation_id": plain,
            "participant_id": .personal(.accessLog, .platformSecurityLogging, .pseudonym),
            "staff_account_id": .personal(.accessLog, .platformSecurityLogging, .pseudonym),
            "reason": .personal(.accessJustification, .platformSecurityLogging, .clear, because: "a code from a fixed list, reviewed by the DPO"),
            "explanation": .personal(.accessJustification, .platformSecurityLogging, .encrypted),
            "expires_at": plain, "created_at": plain,
        ]),
    ]

    static let identity: [Table] = [
        table("organisations", .none, [
            "id": plain, "created_at": plain, "slug": plain, "name": plain, "kind": plain, "organisation_number": plain,
            "postal_address": plain, "contact_email": plain, "contact_phone": plain, "dpo_contact": plain, "supervisory_authority": plain,
        ]),
        table("units", .none, ["id": plain, "created_at": plain, "organisation_id": plain, "name": plain]),
        table("staff_accounts", .staff, [
            "id": .personal(.account, .platformStaffAccounts, .pseudonym), "created_at": plain, "organisation_id": plain,
            "display_name": .personal(.name, .platformStaffAccounts, .clear,
                                      because: "colleagues see who did what; staff names are not confidential within the organisation"),
            "active": .personal(.account, .platformStaffAccounts, .clear, because: "checked on every request"),
            "preferred_language": .personal(.preferences, .platformStaffAccounts, .clear, because: "a UI setting"),
            "personal_number_index": .personal(.nationalIdentificationNumber, .platformStaffAccounts, .blindIndex),
        ]),
        table("staff_role_assignments", .staff, [
            "id": plain, "created_at": plain, "organisation_id": plain, "unit_id": plain,
            "staff_account_id": .personal(.staffRole, .platformStaffAccounts, .pseudonym),
            "role": .personal(.staffRole, .platformStaffAccounts, .clear, because: "authorisation reads it on every request"),
        ]),
        table("sessions", .staff, [
            "id": plain, "token_hash": .personal(.authentication, .platformStaffAccounts, .clear, because: "a SHA-256 of the cookie; the token itself is never stored"),
            "account_kind": plain, "account_id": .personal(.authentication, .platformStaffAccounts, .pseudonym), "organisation_id": plain,
            "csrf_token": .personal(.authentication, .platformStaffAccounts, .clear, because: "a random per-session value, no meaning outside the session"),
            "auth_method": plain, "created_at": plain, "last_seen_at": .personal(.authentication, .platformStaffAccounts, .clear, because: "idle timeout"),
            "expires_at": plain, "revoked_at": plain,
        ]),
        table("members", .member, [
            "id": .personal(.pseudonymousID, .partnershipMembership, .pseudonym), "organisation_id": plain,
            "username": .personal(.account, .partnershipMembership, .clear, because: "the login name the member chose; sign-in looks it up"),
            "email_index": .personal(.email, .partnershipMembership, .blindIndex),
            "given_name": .personal(.name, .partnershipMembership, .encrypted),
            "family_name": .personal(.name, .partnershipMembership, .encrypted),
            "email": .personal(.email, .partnershipMembership, .encrypted),
            "member_organisation": .personal(.organisationDetails, .partnershipMembership, .encrypted),
            "password_hash": .personal(.authentication, .partnershipMembership, .clear, because: "a bcrypt hash, never the password"),
            "email_verified_at": .personal(.account, .partnershipMembership, .clear, because: "sign-in checks it"),
            "active": .personal(.account, .partnershipMembership, .clear, because: "sign-in checks it"),
            "created_at": plain,
            "totp_secret": .personal(.authentication, .partnershipMembership, .encrypted),
            "totp_enabled_at": .personal(.authentication, .partnershipMembership, .clear, because: "sign-in checks it"),
            "totp_last_step": .personal(.authentication, .partnershipMembership, .clear, because: "a time-step number that stops code replays"),
        ]),
        table("import_uploads", .none, [
            "id": plain, "organisation_id": plain, "unit_id": plain, "fingerprint": plain, "expires_at": plain, "committed_at": plain,
            "created_at": plain,
            "uploaded_by": .personal(.staffRole, .platformStaffAccounts, .pseudonym),
            "content": .personal(.nationalIdentificationNumber, .rom2Registration, .encrypted),
        ]),
        table("member_external_identities", .member, [
            "id": plain, "organisation_id": plain, "created_at": plain,
            "member_id": .personal(.pseudonymousID, .partnershipMembership, .pseudonym),
            "provider": .personal(.authentication, .partnershipMembership, .clear, because: "which sign-in service; the member's own page lists them"),
            "subject_index": .personal(.authentication, .partnershipMembership, .blindIndex),
        ]),
        table("member_oidc_flows", .member, [
            "id": plain, "organisation_id": plain, "provider": plain, "state_hash": plain, "code_verifier": plain, "nonce": plain,
            "intent": plain, "expires_at": plain,
            "member_id": .personal(.pseudonymousID, .partnershipMembership, .pseudonym),
            "subject_index": .personal(.authentication, .partnershipMembership, .blindIndex),
            "claims": .personal(.name, .partnershipMembership, .encrypted),
        ]),
        table("member_login_challenges", .member, [
            "id": plain, "organisation_id": plain, "token_hash": plain, "expires_at": plain, "attempts": plain,
            "member_id": .personal(.pseudonymousID, .partnershipMembership, .pseudonym),
        ]),
        table("member_email_verifications", .member, [
            "id": plain, "member_id": .personal(.pseudonymousID, .partnershipMembership, .pseudonym),
            "token_hash": plain, "expires_at": plain, "used_at": plain,
        ]),
        table("login_attempts", .none, [
            "id": plain, "organisation_id": plain, "succeeded": plain, "at": plain,
            "username_hash": .personal(.authentication, .platformSecurityLogging, .blindIndex),
            "address_hash": .personal(.authentication, .platformSecurityLogging, .blindIndex),
        ]),
        table("registration_counts", .none, ["id": plain, "organisation_id": plain, "month": plain, "count": plain]),
        table("bankid_logins", .none, [
            "id": plain, "order_ref": plain, "auto_start_token": plain, "qr_start_token": plain, "qr_start_secret": plain,
            "browser_hash": .personal(.authentication, .platformStaffAccounts, .clear,
                                      because: "a salted hash binding the sign-in to one browser; holds no identity number"),
            "state": plain, "hint_code": plain, "started_at": plain, "collected_at": plain,
            "candidate_accounts": .personal(.pseudonymousID, .platformStaffAccounts, .pseudonym),
        ]),
        table("api_clients", .none, [
            "id": plain, "organisation_id": plain, "name": plain, "scopes": plain, "token_hash": plain, "token_prefix": plain,
            "created_at": plain, "expires_at": plain, "revoked_at": plain, "last_used_at": plain,
            "created_by": .personal(.accessLog, .platformSecurityLogging, .pseudonym),
        ]),
    ]

    static let privacy: [Table] = [
        table("audit_events", .none, [
            "sequence": plain, "occurred_at_ms": plain, "organisation_id": plain,
            "actor_id": .personal(.accessLog, .platformSecurityLogging, .pseudonym),
            "actor_role": .personal(.accessLog, .platformSecurityLogging, .clear, because: "the role, not the person"),
            "action": plain,
            "subject": .personal(.accessLog, .platformSecurityLogging, .pseudonym),
            "purpose": plain, "result_count": plain,
            "query": .personal(.accessLog, .platformSecurityLogging, .clear, because: "a normalised description without personal data"),
            "previous_hash": plain, "hash": plain,
        ]),
        table("processing_activities", .none, [
            "id": plain, "organisation_id": plain, "key": plain, "position": plain, "name": plain, "purpose": plain, "data_description": plain,
            "data_categories": plain, "data_subjects": plain, "legal_basis": plain, "legal_basis_reference": plain,
            "special_category_basis": plain, "special_category_reference": plain, "recipients": plain, "third_country_transfers": plain,
            "retention_trigger": plain, "retention_period": plain, "retention_action": plain, "retention_description": plain,
            "security_measures": plain, "created_at": plain, "updated_at": plain,
        ]),
        table("privacy_notice_versions", .none, [
            "id": plain, "organisation_id": plain, "version": plain, "introduction": plain, "record": plain, "published_at": plain,
            "published_by": .personal(.accessLog, .platformSecurityLogging, .pseudonym),
        ]),
        table("privacy_notice_announcements", .participant, [
            "id": plain, "notice_version_id": plain, "announced_at": plain,
            "participant_id": .personal(.communication, .rom2MailOuts, .pseudonym),
        ]),
        table("member_notice_announcements", .member, [
            "id": plain, "notice_version_id": plain, "announced_at": plain,
            "member_id": .personal(.communication, .partnershipCommunication, .pseudonym),
        ]),
        table("audit_chain_head", .none, ["id": plain, "sequence": plain, "hash": plain]),
        table("organisation_keys", .none, ["id": plain, "organisation_id": plain, "purpose": plain, "wrapped_key": plain, "kek_fingerprint": plain, "created_at": plain]),
        table("subject_keys", .none, [
            "subject_id": .personal(.pseudonymousID, .rom2Registration, .pseudonym), "organisation_id": plain,
            "wrapped_key": plain, "kek_fingerprint": plain, "created_at": plain,
        ]),
    ]

    static let platform: [Table] = [
        table("jobs", .none, [
            "id": plain, "name": plain, "payload": plain, "status": plain, "attempts": plain, "max_attempts": plain, "run_at": plain,
            "lease_expires_at": plain, "leased_by": plain, "last_error": plain, "created_at": plain, "updated_at": plain, "finished_at": plain,
        ]),
        table("job_schedules", .none, ["id": plain, "name": plain, "job_name": plain, "interval_seconds": plain, "next_run_at": plain, "last_enqueued_at": plain]),
        table("mail_outbox", .none, [
            "id": plain, "organisation_id": plain, "purpose": plain, "status": plain, "message_id": plain, "last_error": plain,
            "created_at": plain, "sent_at": plain,
            "recipient": .personal(.email, .rom2MailOuts, .clear, because: "the SMTP server needs it; purged after delivery"),
            "recipient_name": .personal(.name, .rom2MailOuts, .clear, because: "the SMTP server needs it; purged after delivery"),
            "subject": .personal(.communication, .rom2MailOuts, .clear, because: "the SMTP server needs it; purged after delivery"),
            "text_body": .personal(.communication, .rom2MailOuts, .clear, because: "the SMTP server needs it; purged after delivery"),
            "html_body": .personal(.communication, .rom2MailOuts, .clear, because: "the SMTP server needs it; purged after delivery"),
        ]),
        table("dev_mailbox_messages", .none, [
            "id": plain, "message_id": plain, "received_at": plain,
            "sender": .personal(.email, .rom2MailOuts, .clear, because: "demo mode only, where every person is made up"),
            "recipient": .personal(.email, .rom2MailOuts, .clear, because: "demo mode only, where every person is made up"),
            "subject": .personal(.communication, .rom2MailOuts, .clear, because: "demo mode only, where every person is made up"),
            "text_body": .personal(.communication, .rom2MailOuts, .clear, because: "demo mode only, where every person is made up"),
            "html_body": .personal(.communication, .rom2MailOuts, .clear, because: "demo mode only, where every person is made up"),
        ]),
    ]
}
