# Daleel's English messages (Project Fluent syntax). Every word the screens show comes
# from here. Arabic (ar.ftl) and Kurdish Sorani (ckb.ftl) follow with the field-fit issue.

## The frame
app-name = Daleel
status-overdue = { $count } overdue
status-sample = SAMPLE DATA
status-demo = DEMO DATA
status-no-worker = no worker chosen (F8)
too-small = Daleel needs at least { $width }x{ $height } (now { $now_width }x{ $now_height }). Make the window larger.

## Keys (footer and help)
key-help = help
key-intake = intake
key-services = services
key-referrals = referrals
key-queue = queue
key-sync = sync
key-worker = worker
key-menu = actions
key-quit = quit
key-next-field = next field
key-prev-field = previous field
key-save = save
key-next-step = next step
key-prev-step = previous step
key-toggle = tick / change
key-add = add
key-remove = remove
key-back = back
key-up = up
key-down = down
key-left = left
key-right = right
key-page-up = page up
key-page-down = page down
key-home = first
key-end = last
key-open = open
key-search = search
key-new = new
key-next-problem = next problem
key-clear = empty the field

## Forms
form-choose = (choose)
form-picker-title = Type or ↑↓, Enter picks
form-picker-none = nothing matches
form-date-format = YYYY-MM-DD
filter-all = All
field-cut = The text was too long for this field and was cut at its limit.
prompt-keys = Tab next · Ctrl+S save · Esc cancel
confirm-title = Are you sure?
confirm-keys = Enter: yes · Esc: no, go back
notice-keys = Enter: OK
answer-yes = Yes
answer-no = No
saved = Saved.

## Tabs
tab-help = Help
tab-intake = Intake
tab-services = Services
tab-referrals = Referrals
tab-queue = Queue
tab-sync = Sync

## Values
sex-female = Female
sex-male = Male
displacement-idp-in-camp = IDP in camp
displacement-idp-out-of-camp = IDP out of camp
displacement-returnee = Returnee
displacement-host-community = Host community
displacement-refugee = Refugee
sector-protection = Protection
sector-child-protection = Child protection
sector-gbv = GBV
sector-hlp = Housing, land, property
sector-civil-documentation = Civil documentation
sector-health = Health
sector-mhpss = MHPSS
sector-shelter-nfi = Shelter / NFI
sector-wash = WASH
sector-food-security = Food security
sector-livelihoods = Livelihoods
sector-education = Education
sector-cash = Cash
sector-camp-coordination = Camp coordination
sector-other = Other
priority-emergency = Emergency
priority-urgent = Urgent
priority-normal = Normal
need-status-open = open
need-status-referred = referred
need-status-met = met
need-status-closed-unmet = closed, unmet
referral-status-draft = draft
referral-status-sent = sent
referral-status-accepted = accepted
referral-status-rejected = rejected
referral-status-completed = completed
referral-status-closed = closed
referral-status-cancelled = cancelled
closure-services-received = Services received
closure-moved-away = Moved away
closure-unreachable = No longer reachable
closure-duplicate = Duplicate of another case
closure-other = Other
not-successful-client-refused = client refused
not-successful-lack-of-capacity = lack of capacity
not-successful-no-longer-needed = service no longer needed
not-successful-client-unreachable = could not reach the client
not-successful-organization-unreachable = could not reach the organization
not-successful-other = other (say what)
disclosed-head-name = name of the head of household
disclosed-phone = phone number
disclosed-location = location and village
disclosed-members = household members
disclosed-vulnerabilities = vulnerabilities
disclosed-need-description = what is needed
wg-not-asked = (not asked)
wg-no-difficulty = no difficulty
wg-some = some difficulty
wg-a-lot = a lot of difficulty
wg-cannot-do = cannot do at all
wg-seeing = Seeing
wg-hearing = Hearing
wg-walking = Walking
wg-remembering = Remembering
wg-self-care = Self-care
wg-communicating = Communicating
doc-national-id = Missing: national ID
doc-civil-status-id = Missing: civil status ID
doc-birth-certificate = Missing: birth certificate
doc-nationality-certificate = Missing: nationality certificate
vuln-female-headed = female-headed
vuln-older-person-alone = older person alone
vuln-separated-child = separated child
vuln-chronic-illness = chronic illness
vuln-pregnant-or-lactating = pregnant / lactating
vuln-missing-documents = missing documents
vuln-disability = disability
span-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
span-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
late = { $span } late
due-on = due { $date }

## Intake
lookup-label = Find a household (name, case code or phone):
lookup-loading = Loading the households…
lookup-hint = { $count } households. Type to search; Ctrl+N records a new household.
lookup-found = { $count ->
    [one] 1 household found. Enter opens it.
   *[other] { $count } households found. Enter opens the selected one.
}
case-closed = closed
intake-new-title = New household
intake-edit-title = Household { $code }
intake-step = step { $n } of 3: { $name }
step-who = who and where
step-consent = consent
step-needs = needs
intake-unsaved = not saved yet
intake-box-head = Head of household
intake-box-location = Location
intake-box-vulnerabilities = Vulnerabilities (Space ticks)
intake-name = Name
intake-latin = Latin
intake-sex = Sex
intake-born = Born (year)
intake-phone = Phone
intake-governorate = Governorate
intake-district = District
intake-district-none = (not known)
intake-district-choose-governorate = Choose the governorate first: its districts follow.
intake-district-none-loaded = No districts are loaded on this laptop. A coordinator loads Iraq's COD-AB administrative boundaries, from HDX (https://data.humdata.org), as the coordinator guide says under "Districts".
intake-district-none-here = No district of this governorate is loaded on this laptop: a coordinator adds them from the COD-AB boundaries (HDX, https://data.humdata.org), as the coordinator guide says under "Districts".
intake-size = Household size
intake-village = Village
intake-displacement = Status
intake-returned-on = Returned on
intake-female-headed = female-headed
intake-members = Members ({ $count })
intake-members-keys = Ins add · Enter edit · Del remove
intake-members-none = No other members yet.
intake-duplicates = Possibly already recorded ({ $count }): { $list }. F9 to open.
member-relationship = Relationship
member-add-title = Add a member
member-edit-title = Edit member
consent-intro = Ask each question in plain words and record the answer the household gives.
consent-services-question = May we refer you to organizations that can help with your needs?
consent-disclosure-question = May we share your name, phone and needs with the organization we refer you to?
consent-follow-up-question = May we contact you again to ask how the referral went?
consent-services = Referral to services
consent-disclosure = Share details
consent-follow-up = Follow-up contact
consent-recorded = Consent recorded by { $by } on { $at }.
needs-intro = Ins adds a need. Enter on a saved need: refer it to a service, edit it, mark it met.
needs-none = No needs recorded yet.
needs-referrals = { $count ->
    [one] 1 referral
   *[other] { $count } referrals
}
need-unsaved = not saved
col-sector = Sector
col-priority = Priority
col-status = Status
col-need = Need
col-due = Due
col-case = Case
col-to = To
col-late = Late
need-add-title = Add a need
need-edit-title = Edit need
need-sector = Sector
need-priority = Priority
need-description = What is needed
need-member = For whom
need-whole-household = the whole household
need-for-head = { $name } (head of household)
need-for-head-unnamed = the head of household
save-problems = { $count ->
    [one] 1 thing to fix before saving: listed below the form
   *[other] { $count } things to fix before saving: listed below the form, F7 goes to each
}
problems-title = { $count ->
    [one] 1 thing to fix before saving · F7 goes to it
   *[other] { $count } things to fix before saving · F7 goes to the next
}
problems-line = Step { $step } · { $what }
problems-step = Step { $step } · { $count } to fix: { $list }
problems-none = Nothing to fix: Ctrl+S saves.
problem-size-number = Type how many people live in the household as a number, like 6, or leave it empty.
problem-size-range = Type a number from 1 to { $max }, or leave it empty.
problem-size-listed = { $listed } people are listed (the head and the members): the household has at least as many.
saved-title = Saved
saved-household = Saved: { $code }
saved-write-down = Write this case code on the family's card.
saved-next = In step 3 (needs), Enter on a need refers it to a service.
problem-year-number = Type the year of birth as a number, like 1984.
problem-year-range = Type a year of birth from { $from } to { $to }.
problem-phone-digits = Use digits only (spaces, + and - are allowed).
problem-phone-length = A phone number has 7 to 15 digits: check it, or leave it empty.
problem-choose-governorate = Choose the governorate.
problem-date-future = The return date is in the future: check it.
problem-choose-displacement = Choose the household's displacement status.
problem-date-format = Type the date as year-month-day, like 2018-03-14.
problem-consent-answer = Ask this question and record the answer (Yes or No).
problem-member = Member { $n }: { $message }
problem-need = Need { $n }: { $message }
problem-name = Type the name as the person gives it.
problem-choose-sector = Choose the sector.
problem-need-description = Say in a few words what is needed.
problem-reason = Say why, in a few words.
problem-note = Type the note.
problem-no-move = This is not a move a referral can make.
problem-close-reason = Choose why the case is closed.
problem-duplicate-of = Type the case code of the household that stays (it must exist).
close-title = Close this case
close-intro = A closed case stays in the records. For a duplicate, give the case code of the household that stays.
close-reason = Why
close-duplicate-of = Same as case
case-closed-saved = The case is closed.
close-save-first = Save or undo your changes first (Ctrl+S), then close the case.
need-saved-not-removed = A saved need is not removed: open it (Enter) to mark it met or closed.
prompt-esc-again = You typed in this form: press Esc again to close it without saving, or Ctrl+S to save.
refer-save-first = Save the household first (Ctrl+S), then refer its needs.
refer-no-consent = This household did not consent to referral: record its consent (step 2) first.
worker-needed = Choose who is working first (F8).

## Services
services-search = Search
services-sector = Sector
services-area = Area
services-count = { $count ->
    [one] 1 service
   *[other] { $count } services
}
services-none = No service matches. Clear the search or the filters.
services-loading = Loading the directory…
services-referring = Referring { $code } (Enter on a service, Esc stops): { $need }
services-sample-note = SAMPLE DATA: not a real service or contact.
service-inactive = inactive
service-inactive-note = This service is not active now.
detail-who = Who
detail-where = Where
detail-hours = Hours
detail-phone = Phone
detail-refer = Refer
detail-next = Then
detail-documents = Documents
detail-languages = Languages
detail-fees = Fees
detail-free = free
detail-areas = Areas
detail-focal = Focal point
draft-title = Refer to { $service }
draft-intro = Tick only what the household agreed to share. Ctrl+S saves.
draft-intro-no-disclosure = The household did not agree to share its details: nothing personal is disclosed. Ctrl+S saves.
draft-reason = Reason
draft-follow-up = Follow up on
draft-send = When saved
draft-send-now = send now
draft-keep = keep as draft
referral-sent = Referral sent to { $org }.
referral-drafted = Referral saved as a draft.
referral-kept-draft = Saved as a draft, not sent: { $error }

## Referrals
referrals-status = Status
referrals-org = To
referrals-priority = Priority
referrals-overdue = overdue
referrals-shown = { $count } shown
referrals-none = No referral matches these filters.
history-created = created (draft)
history-note = note
outcome-successful = successful
outcome-not-successful = not successful
follow-up-by = Follow up by { $date }.
answer-due = Answer due { $date }.
follow-up-was = follow-up was { $date }
referral-actions-hint = Enter: actions
move-title = Mark as { $status }
move-intro-rejected = Say why the organization could not take this referral.
move-intro-completed = Record how it ended. "Other" needs the reason in words.
move-intro-closed = Closing an accepted referral that was not completed needs a reason.
move-outcome = Outcome
move-reason = Reason
move-note = Note
note-title = Add a follow-up note
follow-up-title = Follow-up date
follow-up-intro = The date to check on this referral (year-month-day); empty clears it.
moved = The referral is now { $status }.

## Queue
queue-awaiting = Awaiting response: { $count } ({ $overdue } overdue)
queue-past-follow-up = Accepted, past the follow-up date: { $count }
queue-rejected = Rejected, need another service: { $count }
queue-unreferred = Needs with no referral: emergency { $emergency }, urgent { $urgent }, normal { $normal }
queue-duplicates = Likely duplicate households: { $count }
queue-due-erasure = Due for erasure (closed over { $months } months ago): { $count }
queue-due-erasure-row = { $code } closed { $date }
queue-awaiting-short = Awaiting response
queue-overdue-paren = ({ $count } overdue)
queue-past-follow-up-short = Past follow-up
queue-rejected-short = Rejected
queue-unreferred-short = Needs with no referral:
queue-unreferred-counts = emergency { $emergency }, urgent { $urgent }, normal { $normal }
queue-duplicates-short = Duplicates
queue-conflicts = Conflicts: { $count } (two laptops changed one thing; * is shown; Enter settles it)
queue-conflicts-short = Conflicts
conflict-keep = Keep "{ $value }" ({ $who }, { $when })
conflict-type = Type a new value…
conflict-type-intro = The value typed here replaces every value shown, on every laptop, with the next sync.
conflict-value = New value
conflict-resolved = Resolved: the value kept goes to the other laptops with the next sync.
chart-by-sector = Open referrals by sector
chart-by-org = By organization
chart-by-governorate = By governorate
chart-weekly = Sent per week, 12 weeks
chart-empty = none yet

## Menus
menu-title = Actions
menu-help = Help
menu-new-household = New household
menu-open-household = Open { $code }
menu-save = Save (Ctrl+S)
menu-add-member = Add a member
menu-add-need = Add a need
menu-edit-need = Edit this need
menu-refer = Refer this need to a service
menu-need-met = Mark this need met
menu-need-unmet = Close this need, unmet
menu-close-case = Close this case
menu-open-duplicate = Open { $code } (possible duplicate)
menu-leave = Leave this household
menu-refer-here = Refer to this service
menu-cancel-referring = Stop referring
menu-move-sent = Send
menu-move-accepted = Accepted by the organization
menu-move-rejected = Rejected by the organization…
menu-move-completed = Completed…
menu-move-closed = Close…
menu-move-cancelled = Cancel…
menu-note = Add a follow-up note…
menu-follow-up = Set the follow-up date…
menu-open-case = Open the household
worker-switch-encrypted = Working as who unlocked Daleel: another worker quits (F10) and opens it.
workers-title = Workers: { $list }
menu-add-worker = Add a worker (their own passphrase)…
menu-worker-passphrase = Change a worker's passphrase…
menu-remove-worker = Remove a worker…
add-worker-title = Add a worker
add-worker-intro = They open Daleel on this laptop with their name and this passphrase. A forgotten passphrase cannot be recovered.
worker-passphrase-title = Change a passphrase
remove-worker-title = Remove a worker
remove-worker-intro = Their passphrase will no longer open Daleel here; their changes keep their name.
worker-name = Name
worker-passphrase = Passphrase
worker-again = Again
problem-worker-name = Type the worker's name.
passphrase-refused = This passphrase is too easy to guess: { $reason } { $advice }
passphrase-weak-short = it has fewer than { $min } characters.
passphrase-weak-common = it is one of the passwords that guessing tools try first.
passphrase-weak-name = it is built on your name or on "Daleel", which guessing tools try first.
passphrase-weak-repeated = repeated characters or groups, like "aaaa" or "abcabc", are easy to guess.
passphrase-weak-sequence = sequences like "abcd" or "6543" are easy to guess.
passphrase-weak-keyboard = rows of keys, like "qwerty" or "asdf", are easy to guess.
passphrase-weak-date = dates and years are easy to guess.
passphrase-weak-word = one word or name, even with digits or symbols added, is easy to guess.
passphrase-weak-guessable = it would be guessed too quickly.
passphrase-stronger = Stronger: three or four ordinary words that do not belong together, with spaces between them (length makes a passphrase strong, not symbols).
problem-passphrase-differs = The two passphrases differ.
workers-setting = Setting the passphrase…
worker-added = { $name } can now open Daleel here with their own passphrase.
worker-passphrase-set = The passphrase of { $name } is changed.
worker-removed = { $name } can no longer open Daleel here.
rekey-intro = The database is then encrypted again under a new key, so that the old passphrase opens nothing here: this takes a while on a large caseload.
rekey-title = Encrypting the database under a new key
rekey-progress = { $done } of { $all } values
rekey-wait = Please wait. If the laptop stops anyway, nothing is lost: Daleel finishes or undoes this when it next opens.
rekey-done = The database is encrypted under a new key; the files under the old one are deleted.
rekey-unsaved = Save or close the household you are editing first: the screens close and open again for this.
rekey-busy = Wait for the work on the Sync screen to finish first.
lock-title = Locked after a while without a key
lock-who = { $worker }: type your passphrase and press Enter. What you were typing is kept.
lock-passphrase = Passphrase:
lock-checking = Checking…
lock-hint = Nothing is shown until the passphrase is typed.
lock-wrong = That passphrase does not open it: try again.
menu-audit = Who opened or changed this household
menu-erase = Erase this household (on request)…
erase-confirm = Erase { $code }? Names, phone, village, members' details and notes leave this laptop, and every laptop this reaches with the next bundles. Counts stay. This cannot be undone.
erased = Erased { $code }. Send a bundle so that the other laptops erase it too.
audit-title = Audit trail: { $count ->
    [one] 1 entry
   *[other] { $count } entries
}, latest first
audit-view = opened
audit-change = changed
audit-bundle = sent in a bundle
audit-import = imported
audit-export = exported
audit-backup = backed up
audit-erase = erased
audit-restore = restored from a backup
audit-age-key = age key written
audit-worker-add = worker added
audit-worker-remove = worker removed
audit-passphrase = passphrase set
audit-trust-add = device trusted
audit-trust-remove = device no longer trusted
audit-team-init = team made
audit-team-approve = device approved
audit-team-revoke = device revoked
audit-team-join = team joined
audit-team-save-key = team key saved
audit-services-import = services imported
audit-rollback = database put back to an earlier copy (noted)
audit-break = audit trail altered (noted)
audit-households-import = households imported
passphrase-reset-title = Your passphrase was reset
passphrase-was-reset = Your passphrase was reset by { $by } on { $date }.
passphrase-reset-next = If you did not ask for this, tell your coordinator.
confirm-quit-unsaved = The household you are recording is not saved. Quit and lose it?
confirm-quit-typed = What you typed in this form is not saved. Quit and lose it?
confirm-discard = Leave this household without saving what you changed?

## Worker
worker-title = Who is working?
worker-intro = Your name is recorded on every change you make.
worker-new = New name
worker-keys = ↑↓ choose · Enter select · Tab type a new name · Esc cancel
worker-keys-first = Type your name and press Enter.
worker-empty = Type a name first.
worker-set = Now working: { $name }

## Errors
error-load = Could not load the lists: { $error }
error-save = Not saved: { $error }
error-household-gone = That household is not in this database.
error-need-gone = That need is not in this database any more.
error-service-gone = That service is not in the directory any more.

## Help
help-title = Daleel: keys and screens. ↑↓ PgUp PgDn Home End scroll, Esc goes back.
help-keys-everywhere = Everywhere
help-keys-forms = In a form
help-keys-lists = In a list
help-arabic-layout = With the Arabic keyboard layout: F-keys, Ctrl, arrows, Tab, Enter and Esc work as they are; ? is also ؟ and / is also ظ; Arabic-Indic digits count as digits. In the action menu (F9), the numbers pick an item.
help-intake-title = Intake (F2)
help-intake = Find a household by name (any spelling, Arabic or Latin), case code or phone, or record a new one (Ctrl+N) in three steps: who and where, consent, needs. Likely duplicates show while you type. Ctrl+S checks everything, takes you to the first problem, and saves; the case code is shown large so you can write it down. What is wrong is listed below the form with its step, its field marked !; F7 (or Ctrl+E) goes to the next one. In a drop-down, ↑↓ or Enter open the list and Enter picks; Ctrl+U empties a field; a pasted text of several lines stays in its field.
help-services-title = Services (F3)
help-services = The service directory. Type to search; Tab moves to the sector and area filters. While referring a need, Enter on a service drafts the referral.
help-referrals-title = Referrals (F4)
help-referrals = Every referral, soonest due first. Find (/ or Ctrl+F) looks for words or a case code in the case code, the need, the service and the organization. Tab goes through the filters (status, organization, priority, overdue), chosen as in Intake: arrows go through the choices, or type to see the matching ones and Enter picks. Enter on a referral opens the actions it can take now: accept, reject, complete, close, cancel, a note, a follow-up date. A move that is not allowed says why and what is.
help-queue-title = Queue (F5)
help-queue = For coordinators: overdue and unanswered referrals, accepted ones past their follow-up date, rejected ones that need another service, needs with no referral, conflicts between laptops (Enter keeps a value or takes a typed one), likely duplicates, and closed households due for erasure, with charts; organizations show by name. Tab and Shift+Tab go from section to section, and a section's number (on its heading) goes straight to it. Enter opens the referral or the household; F9 offers the row's actions: a referral's moves, its need referred again, its household, a conflict's values, each likely duplicate.
help-worker-title = Who is working (F8)
help-worker = The workers. On an encrypted database the worker is who unlocked it; F8 adds a worker with their own passphrase, changes a passphrase or removes a worker. On a database made before encryption, choose your name or add it.

## Sync
sync-folder = USB drive (folder):
sync-no-drive = No USB drive found: type its folder above.
sync-drives = Drives found: { $list }.
sync-this-laptop = This laptop: { $me } · fingerprint { $fingerprint }
sync-card-written = This laptop's card is on the drive: { $file }. Whoever trusts it compares the fingerprint { $fingerprint }.
trusted-done = Laptop { $code } is trusted now (fingerprint { $fingerprint }): its bundles import on this laptop.
trust-confirm = Trust laptop { $who }? Its fingerprint is { $fingerprint }. Compare it with the fingerprint that laptop's Sync screen shows, by phone or in person: trust it only if they are the same.
menu-trust-card = Trust laptop { $who } (its card is on the drive)
menu-write-card = Write this laptop's card to { $folder } (for another laptop to trust)
sync-cards-found = { $count ->
    [one] One laptop's card is on this drive: F9 to trust it.
   *[other] { $count } laptops' cards are on this drive: F9 to trust them.
}
sync-send = Send
sync-unsent = { $count ->
    [one] 1 change not yet known to the team
   *[other] { $count } changes not yet known to the team
}
sync-send-how = F9: write a bundle to the drive.
sync-receive = Receive: { $count ->
    [one] 1 bundle
   *[other] { $count } bundles
} on the drive
sync-none-found = No bundle on this drive (bundles end in .bundle).
sync-scan-how = Type the drive's folder and press Enter, or choose a drive with F9.
sync-bundle-ok = { $changes } changes, checked
sync-handoff-ok = hand-off: { $referrals } referrals for this agency, checked
sync-progress = { $label }: { $done } of { $total } changes
sync-menu-title = Sync
menu-sync-export = Write a bundle to { $folder }
menu-backup = Write a backup of this laptop to { $folder }
menu-sync-import-all = { $count ->
    [one] Import the bundle
   *[other] Import all { $count } bundles
}
menu-sync-use = Use the drive { $drive }
menu-sync-look-again = Look at the drive again
sync-no-folder = Choose the drive first (type its folder, or F9).
sync-no-identity = This window has no device key to read or write bundles with: restart Daleel.
sync-exporting = Writing the bundle
sync-exported = Wrote { $changes } changes to { $file }.
sync-importing = Importing
sync-checking-file = Checking bundle { $n } of { $count }
sync-importing-file = Importing bundle { $n } of { $count }
sync-imported = { $file }: { $new } new, { $known } already known, { $conflicts } conflicts open.
sync-refused = Refused, nothing from it used: { $list }
sync-left-on-drive = { $file }: for other laptops, left on the drive.
sync-not-yet = { $file }: still being written; it will be tried again at the next import.
sync-for-others = for other laptops: left on the drive
sync-mark-ok = ok
sync-mark-others = others
sync-mark-skipped = SKIPPED
sync-mark-refused = REFUSED
help-sync-title = Sync (F6)
help-sync = Pass data to other laptops on a USB drive. Choose the drive (or type its folder); F9 writes a bundle onto it or imports the bundles found there. Each bundle is checked whole first: a damaged one, or one from a laptop that is not trusted, is refused and changes nothing. To trust another laptop, F9 writes this laptop's card onto the drive; on the other laptop, F9 trusts the card found there once both fingerprints shown are the same. The folder is remembered for the next time.

## Teams (Sync screen, Queue)
role-outreach = outreach worker
role-coordinator = coordinator
role-partner = partner focal point
refusal-beyond-role = beyond its role
refusal-revoked = after its revocation
team-role = { $role } of { $org }
team-role-revoked = revoked: its changes no longer count
team-role-none = not certified
team-line = Team { $team }: this laptop is { $role }; { $devices ->
    [one] 1 device
   *[other] { $devices } devices
}
team-none = In no team: bundles go to the laptops trusted one by one.
queue-team = Team: { $expired } certificates expired, { $ineffective } changes kept with no effect (Sync screen)
queue-team-expired-row = { $code } { $name } ({ $role }): certificate expired { $date }, renew it
queue-team-no-effect-row = { $code } change { $seq }: a { $record } change by { $author }, { $reason }
queue-forks = Forks: { $count } (a laptop's data folder was copied: two laptops sign as one)
queue-fork-row = { $code } change { $seq }: a second version, via { $sender } on { $date }, not applied ({ $refused })
team-working = Working
menu-team-request = Write a request to join a team to { $folder }
menu-team-join = Join the team { $team } (a certificate for this laptop is on the drive)
menu-team-approve = Approve the request of { $code } { $name }
menu-team-revoke = Revoke a laptop of the team
menu-team-handoff = Write a hand-off for { $org } to { $folder }
team-revoke-title = Revoke which laptop?
team-revoke-confirm = Revoke { $code } ({ $name })? Its changes after number { $after } will have no effect, here and on every laptop this reaches. This cannot be undone.
team-join-confirm = Join the team { $team } as { $role }? Compare the team key { $key } with the coordinator first.
approve-title = Approve { $code } { $name }
approve-intro = Compare the fingerprint { $fingerprint } with the laptop's owner first. Valid until: a date as YYYY-MM-DD, or empty for no end. The certificate is written to the drive.
approve-role = Role
approve-org = Organization
approve-sensitive = May read GBV and child protection cases
approve-expires = Valid until
problem-approve-role = Choose a role.
problem-approve-org = Name the laptop's organization (a partner's is one of the directory's).
problem-approve-date = A date as YYYY-MM-DD, not in the past.
team-request-written = Wrote the request { $file } to the drive: carry it to the coordinator.
team-approved = Certified { $code } as { $role }: { $file } is on the drive; carry it to that laptop.
team-joined = This laptop joined the team { $team }.
team-revoked = Revoked { $code } after its change { $after }: the revocation goes out with the next bundles.
handoff-written = Wrote a hand-off for { $org }: { $referrals } referrals.
backup-written = Backed up to { $file }: { $households } households. Restoring it needs a worker's passphrase; keep the drive locked away.
sync-imported-handoff = { $file }: a hand-off with { $referrals } referrals for this agency.
sync-imported-no-effect = Kept with no effect: { $beyond } beyond their laptop's role, { $revoked } after a revocation (see the Queue).
sync-imported-forked = Refused as a fork: { $count } changes, a second version of changes already held (see the Queue).
sync-exported-sensitive = And { $file }, with the GBV and child protection cases, for the laptops certified for them.
menu-team-renew = Renew the certificate of { $code } { $name } (its request is on the drive)
team-role-expired = { $role } (certificate expired { $date }: ask the coordinator to renew it)

## Referral slip (printed for agencies that do not use Daleel)
slip-title = Inter-agency referral form
slip-case-code = Case code (quote it in your answer)
slip-referral-id = Referral id
slip-priority = Priority
slip-date = Date referred
slip-respond-by = Please answer by
slip-referring = Referring agency
slip-receiving = Receiving agency
slip-agency = Agency
slip-referred-by = Referred by
slip-service = Service requested
slip-service-phone = Service phone
slip-focal-point = Focal point
slip-client = Client
slip-name = Name of the head of household
slip-phone = Phone
slip-location = Location
slip-members = People in the household
slip-vulnerabilities = Vulnerabilities
slip-details = Details
slip-none-chosen = No detail was chosen to be shared: the case code is the reference.
slip-no-consent = The household did not consent to share its details: the case code is the reference.
slip-request = Request
slip-sector = Sector
slip-need = Need
slip-reason = Reason for referral
slip-consent = Consent
slip-consent-text = The client consented on { $date } to be referred, and { $share }.
slip-consent-share = to share the details above with the receiving agency
slip-consent-no-share = did not consent to share personal details
slip-consent-none = No consent is recorded.
slip-client-signature = Signature or thumbprint of the client
slip-referrer-signature = Signature of the referring worker
slip-feedback = Feedback from the receiving agency
slip-feedback-how = Please fill in and return this part to the referring agency, quoting the case code { $code }.
slip-feedback-decision = Accepted or rejected (and why)
slip-feedback-date = Date
slip-feedback-outcome = Outcome of the service
slip-feedback-by = Name and agency
slip-feedback-signature = Signature
menu-slip = Print a referral slip
slip-written = Wrote the referral slip { $file }: open it in a browser to print it.
slip-no-folder = There is no Documents folder to write the slip to: choose a folder (a USB drive's, say) on the Sync screen (F6), then write the slip again.
help-language = Language: { $language }. F9 switches between English, Arabic and Kurdish.
help-display = Arabic script: { $mode }. F9 switches the mode: keep the one in which the sample below reads right to left with its letters joined.
help-sample = Sample:
display-shaped = joined and ordered by Daleel (for terminals that show Arabic unjoined or backwards)
display-terminal = left to the terminal (for terminals that join and order Arabic themselves)
menu-language = Language: { $language }
menu-display-shaped = Arabic script: joined and ordered by Daleel
menu-display-terminal = Arabic script: left to the terminal
language-set = The screens are now in { $language }.

## Directory forms (Services screen)
svc-organization = Organization
svc-name = Service
svc-sector = Sector
svc-description = What it offers
svc-eligibility = Who may use it
svc-areas = Areas (P-codes, ;)
svc-hours = Opening hours
svc-phone = Phone
svc-referral-method = How to refer
svc-next-steps = Next steps
svc-languages = Languages (;)
svc-documents = Documents (;)
svc-fees = Fees
svc-status = Status
svc-status-active = active
svc-status-inactive = inactive
org-name = Name
org-acronym = Acronym
org-type = Type
org-type-government = Government
org-type-un = UN agency
org-type-international-ngo = International NGO
org-type-national-ngo = National NGO
org-type-other = Other
org-focal-name = Focal point
org-focal-phone = Focal point's phone
org-focal-email = Focal point's email
problem-svc-organization = Choose the organization (a new one first: F9, New organization).
problem-svc-name = Give the service a name.
problem-svc-sector = Choose a sector.
problem-svc-area = { $code } is not a P-code of the gazetteer: give codes such as IQG15, separated by ;.
problem-org-name = Give the organization a name.
problem-org-type = Choose a type.
problem-hidden-characters = This holds an invisible control character or direction mark (it came from another laptop or a file): type it again without it.
menu-edit-service = Edit this service…
menu-edit-organization = Edit its organization…
menu-new-service = New service…
menu-new-organization = New organization…
new-service-title = New service
new-organization-title = New organization
service-form-intro = Lists take ; between items. The change reaches other laptops with the next bundles.
service-saved = Saved the service { $name }.
organization-saved = Saved the organization { $name }.
sync-clock-ahead = ; ! its laptop's clock is { $days ->
    [one] 1 day
   *[other] { $days } days
} ahead of this one's: check the date on both
sync-clock-behind = ; ! its laptop's clock is { $days ->
    [one] 1 day
   *[other] { $days } days
} behind this one's: check the date on both

## Core errors as the screens show them (tui/errors.rs).
slip-write-failed = Could not write the slip { $file }: { $error }. Choose a folder on the Sync screen (F6).
list-or = { $items } or { $last }
list-separator = { ", " }
hidden-direction-control = an invisible direction control
hidden-line-break = a line break
hidden-control = an invisible control character
err-disk-full = the drive is full: free some space on it, or choose another folder or drive ({ $error })
err-disk-read-only = the drive is read-only (a locked USB stick, or one the system mounted read-only): unlock it, or choose another folder or drive ({ $error })
err-disk-denied = this account has no permission there: choose a folder of your own, or ask whoever manages the laptop ({ $error })
err-disk-not-found = the folder or file is not there (was the drive pulled out?): plug it in again, or choose another folder ({ $error })
err-disk-file-too-large = the file is too large for this drive's file system (FAT32 stops at 4 GiB): use an exFAT or NTFS drive ({ $error })
err-disk-cut-short = the file ends early: it was cut when copied; copy it again ({ $error })
err-disk-other = { $error }: check that the drive is plugged in, not full and not read-only
err-database-io = The database could not be read or written: { $error }
err-database-damaged = The database is damaged (its files do not read back as they were written): restore it from a backup, or start a new data folder and import the latest bundles from the other laptops.
err-database-other = The database could not be read or written ({ $error }): restore it from a backup, or import the bundles again.
err-stored-damaged = A stored value is damaged or unreadable: { $error }
err-hidden-device-name = The device name holds { $what } ({ $code }, character { $at }): type it again without it.
err-hidden-worker-name = The worker's name holds { $what } ({ $code }, character { $at }): type it again without it.
err-hidden-reason = The reason holds { $what } ({ $code }, character { $at }): type it again without it.
err-hidden-note = The note holds { $what } ({ $code }, character { $at }): type it again without it.
err-worker-name-length = A worker's name has 1 to { $max } characters.
err-not-empty = This database already holds { $count } households: a demo caseload goes in an empty data folder.
err-real-records = This database holds real records: a demo caseload goes in its own data folder.
err-make-folder = Could not make the folder { $file }: { $error }
err-write = Could not write { $file }: { $error }
err-audit-head = Could not write the audit trail's head file { $file }: { $error }
err-csv = Could not build the CSV file: { $error }
err-workbook = Could not build the workbook: { $error }
err-interrupted-import = The import was interrupted: import again.
err-interrupted-handoff = The hand-off was interrupted: import it again.
err-interrupted-refold = Recomputing the records was interrupted: open Daleel again.
err-unknown-field = A change names a field that a { $kind } does not have ({ $field }).
err-no-field = A { $kind } has no field { $position }.
err-unknown-kind = A change names an unknown kind of record ({ $tag }).
err-staged-damaged = A staged import is damaged: import the bundle again.
err-change-too-large = A change is too large to stage.
err-damaged-key = A key of the { $tree } tree is damaged: run a check of the database.
err-own-change = A change that claims to come from this laptop was not made here: refused.
err-hash-mismatch = A change whose values do not match its hash: refused.
err-log-gap = The change log of { $device } lacks changes from sequence number { $first } on: nothing was written.
err-other-team = This laptop already belongs to the team "{ $team }" (key { $key }): a laptop belongs to one team.
err-erasure-empty = An erasure without its contents: refused.
err-erasure-of-others = An erasure that names records of another household: refused.
err-erasure-not-written = The erasure was not written.
err-erased = This household was erased: its records cannot be changed.
err-erased-already = { $code } was erased already.
err-erased-not-dropped = An erased record could not be dropped.
err-own-card = This is this laptop's own card: import the card of another laptop.
err-code-clash = Device { $code } ({ $fingerprint }) has the same device code as the trusted device { $other_code } ({ $other_fingerprint }): their case codes would collide, so it cannot be trusted.
err-code-of-this-laptop = Device { $code } ({ $fingerprint }) has the same device code as this laptop: their case codes would collide, so it cannot be trusted.
err-not-trusted = No trusted device has the fingerprint { $fingerprint }.
err-not-found = { $kind ->
    [household] There is no household with id { $id }.
    [referral] There is no referral with id { $id }.
    [need] There is no need with id { $id }.
    [service] There is no service with id { $id }.
    [organization] There is no organization with id { $id }.
   *[other] There is no { $kind } with id { $id }.
}
err-stale = The referral changed meanwhile (it is now { $status }): look at it again and retry.
err-too-new = This database was made by a newer version of Daleel (schema { $found }; this version reads up to { $known }): install the newer version.
err-locked = This database is open in another Daleel window: close that window first.
err-foreign-key = This database belongs to another device key: restore the key file that came with it.
err-sealed-short = A stored value is too short to be sealed: the database is damaged.
err-sealed-tampered = A stored value does not open with this database's key: the database is damaged or was altered.
err-forbidden-revoked = The coordinator revoked this laptop: its changes no longer count; ask the coordinator.
err-forbidden-sensitive = Gender-based violence and child protection cases are recorded and followed on a caseworker's laptop certified for them: refer the person to the caseworker without writing details here.
err-forbidden-directory = Only a coordinator changes the service directory (this laptop is certified as { $role }).
err-forbidden-resolve = Only a coordinator resolves conflicts (this laptop is certified as { $role }).
err-forbidden-partner-step = A partner's laptop only accepts, rejects, completes or adds notes to referrals addressed to its organization (this laptop is certified as { $role }).
err-forbidden-partner = A partner's laptop only answers the referrals addressed to its organization (this laptop is certified as { $role }).
err-move-final = This referral is { $from }, which is final: it cannot change any more.
err-move-not-allowed = A { $from } referral cannot become { $to }; from { $from } it can become { $allowed }.
err-move-no-consent = This household has not consented to be referred to services: record consent before sending.
err-move-reason-required = Say why the referral is { $to }: a reason is required.
err-move-outcome-required = A completed referral needs its outcome: successful, or not successful with a reason.
err-move-disclosure = This referral shares details the household did not consent to share: remove them, or record consent to disclosure first.
err-team-too-large = A team file is larger than a team file can be: it is damaged.
err-team-not-a-file = This is not a Daleel certificate file.
err-team-cut-short = A team file is cut short: copy it again.
err-team-too-many = A team file holds more than { $max } statements: it is damaged.
err-team-damaged = A team statement is damaged: { $error }
err-team-bad-signature = A team statement's signature does not match its issuer: it was altered or forged.
err-team-key-not-a-key = This is not a saved team key.
err-team-key-passphrase = The passphrase is wrong, or this is not a saved team key.
err-team-key-damaged = The saved team key is damaged.
err-not-regular = it is not a regular file (a link, a folder or a device): not read
err-codec-empty = it is empty
err-codec-version = it was written by a newer Daleel (format { $found }; this one reads up to { $known }): install the newer version
err-codec-decode = it does not read ({ $error })
err-codec-trailing = { $count } bytes are left over after it
err-codec-encode = it could not be encoded ({ $error })
err-codec-not-shortest = it is not written in its one shortest form, so its signature does not speak for it
err-codec = A value could not be written or read: { $error }
err-device-key-read = Could not read the device key { $file }: { $error }
err-device-key-write = Could not write the device key { $file }: { $error }
err-device-key-damaged = The device key { $file } is damaged: restore it from a backup, or move it away to start this laptop as a new device.
err-keyring-wrong-passphrase = Wrong passphrase, or that name is not a worker of this laptop: try again. A forgotten passphrase cannot be recovered; another worker can add you again.
err-keyring-which-worker = This laptop has more than one worker: give your name with your passphrase.
err-keyring-exists = { $name } is already a worker on this laptop.
err-keyring-no-such-worker = There is no worker of that name on this laptop: check how it is spelt.
err-keyring-last-worker = The last worker cannot be removed: add another worker first.
err-keyring-no-name = A worker needs a name.
err-keyring-damaged = The workers' keys of this database are damaged: restore it from a backup.
err-keyring-old-slots = { $names }: their passphrase was set by an earlier Daleel. Each of them opens Daleel here once, then try again (one who has left can be removed first, F8).
err-workspace-locked = This database is open in another Daleel window: close that window first ({ $file }).
err-data-folder = Cannot use the data folder { $file }: { $error }
err-needs-first-worker = A new database is encrypted and needs its first worker: a name, and a passphrase of at least { $min } characters.
err-needs-passphrase = This database is encrypted: it opens with a worker's name and passphrase.
err-not-encrypted = This database was made before encryption: open it once with a worker's name and passphrase to encrypt it.
err-remove-self = A worker cannot remove themselves: another worker of this laptop does it.
err-busy = Another task of this window still uses the database: wait for it to finish, then try again.
err-not-certified = The database was restored, but this laptop could not be certified with the team key: { $error }
err-not-a-folder = { $file } is not a folder: choose the USB drive's folder.
err-no-receiver = No trusted laptop can receive a bundle: trust another laptop's card first (F9).
err-handoff-no-team = This laptop is in no team: hand-offs go to the team's certified partner laptops.
err-handoff-not-coordinator = Only a coordinator's laptop writes hand-offs to partners.
err-no-organization = No organization "{ $org }" in the service directory.
err-no-partner-device = No laptop of { $org } is certified as a partner: approve one first (its request, F9).
err-handoff-encrypt = Could not encrypt the hand-off: { $error }
err-import-read = Cannot read it: { $error }
err-import-real-into-demo = This is a demo (training) database and the bundle is from a real one: they never mix.
err-import-demo-into-real = This is a real database and the bundle is from a demo (training) one: they never mix.
err-handoff-other-kind = Demo (training) and real data never mix: this hand-off is of the other kind.
err-handoff-older = This hand-off is older than the one already imported: nothing was changed.
err-not-partner = A hand-off for a partner agency's laptop: this laptop is not certified as a partner.
err-bundle-not-a-bundle = Not a Daleel bundle.
err-bundle-too-new = Made by a newer Daleel (bundle version { $found }; this one reads { $known }): install the newer version.
err-bundle-truncated = Incomplete: the file was cut short (a copy or an export that did not finish). Copy it again.
err-bundle-damaged = Damaged: { $error }
err-bundle-over-limit = Larger than a bundle can be ({ $claimed }, the limit is { $limit }): damaged, or not a bundle.
err-bundle-not-trusted = The sender { $code } ({ $fingerprint }) is not trusted here: trust its card first (F9).
err-bundle-bad-signature = The sender's signature does not match: the file was altered after it was written.
err-bundle-bad-segment = Changes of { $code } ({ $fingerprint }) not signed by that laptop: altered or forged.
err-bundle-not-for-me = For other laptops: { $code } ({ $fingerprint }) made it for them. Ask its sender to trust this laptop's card and send again.
err-backup-not-a-backup = { $file } is not a Daleel backup: choose a backup file (its name ends in .{ $ext }).
err-backup-too-new = { $file } is a backup of a newer Daleel (format { $found }; this one reads { $known }): install the newer version to restore it.
err-backup-damaged = The backup { $file } is damaged ({ $error }): nothing was restored; use another copy of it.
err-backup-incomplete = The backup { $file } ends early (not written to the end, or cut when copied): nothing was restored; use another copy of it.
err-backup-not-encrypted = This database is not encrypted, and a backup must be: open Daleel once with a worker's name and passphrase to encrypt it, then back it up.
err-backup-not-a-folder = { $file } is not a folder: choose an existing folder (a USB drive's, say). No backup was written.
err-backup-write = Could not write the backup { $file }: { $error } (no backup file was left there)
err-backup-read = Could not read { $file }: { $error }
err-backup-build = Could not build the restored database in { $file }: { $error } (nothing was changed)
err-card-not-a-card = Not a Daleel identity card.
err-card-too-large = Larger than an identity card can be ({ $bytes } bytes): not a card.
err-card-damaged = The card is damaged ({ $error }): ask for the card again.
err-card-bad-signature = The card's signature does not match its key: it was altered or forged. Do not trust it.
err-card-hidden = The card's device name holds { $what } ({ $code }, character { $at }): refused. Ask its owner to set a plain device name and write the card again.
err-team-name-length = Give the team a name of 1 to 60 characters.
err-hidden-team-name = The team's name holds { $what } ({ $code }, character { $at }): type it again without it.
err-hidden-organization = The organization holds { $what } ({ $code }, character { $at }): type it again without it.
err-hidden-file-team-name = The team's name in this file holds { $what } ({ $code }, character { $at }): refused. Ask the coordinator for a new certificate.
err-hidden-file-cert-org = The organization in this laptop's certificate holds { $what } ({ $code }, character { $at }): refused. Ask the coordinator for a new certificate.
err-hidden-file-cert-name = This laptop's name in its certificate holds { $what } ({ $code }, character { $at }): refused. Ask the coordinator for a new certificate.
err-key-of-other-team = This laptop already belongs to another team, "{ $team }": a laptop belongs to one team.
err-no-team = This laptop is in no team.
err-no-team-yet = This laptop is in no team: only a team's coordinator approves laptops.
err-no-team-key = This laptop does not hold the team key: only the laptop that made the team, or one it was restored on, does.
err-seal-key = Could not seal the team key: { $error }
err-not-authority = Only a coordinator's laptop certified with the team key approves and revokes laptops.
err-old-request = The request is from an older Daleel that cannot receive encrypted bundles: update it and write a new request.
err-revoked-device = That laptop was revoked: it cannot be certified again.
err-unknown-org = No organization "{ $org }" in the service directory: a partner's laptop belongs to one of the directory's (give its acronym).
err-other-device = This certificate is for another laptop ({ $certified }): this laptop is { $this }.
err-no-certificate = The file holds no valid certificate for this laptop.
err-revoke-self = A laptop does not revoke itself: revoke it from another coordinator's laptop.
err-nothing-held = This laptop holds no change from that laptop: import its bundles first.
err-typed-not-text = This value cannot be typed: keep one of the values shown.
err-typed-gone = { $kind ->
    [household] This household is no longer here.
    [referral] This referral is no longer here.
    [need] This need is no longer here.
    [service] This service is no longer here.
    [organization] This organization is no longer here.
   *[other] This record is no longer here.
}
err-typed-phone = A phone number has 7 to 15 digits (spaces, + and - are allowed): check it, or leave it empty.
err-typed-description = Say in a few words what is needed (at most 500 characters).
err-typed-refused = This value cannot be kept: type another, or keep one of the values shown.

## Before the screens open: the first run and the unlock
startup-plain = This database was made before Daleel encrypted its data. It is encrypted now, under the passphrase you choose.
startup-first-run = Daleel keeps its data encrypted. Choose the name you work under and a passphrase of at least { $min } characters that is not easy to guess (three or four words that do not belong together are good). A forgotten passphrase cannot be recovered.
startup-name = Your name:
startup-passphrase = Passphrase:
startup-passphrase-again = The same passphrase again:
startup-passphrases-differ = The two passphrases differ: try again.
startup-wrong = That name and passphrase do not open this database. { $left ->
    [one] One more try.
   *[other] { $left } more tries.
}
startup-encrypting = Encrypting the database: { $done } of { $all } values
startup-encrypted = Encrypted the database: { $all } values.
startup-press-enter = Press Enter to close this window.

## Drafts: what is typed survives a power cut
draft-offer-household = Restore the unsaved household of { $when } ({ $worker })?
draft-offer-form = Restore the unsaved form of { $when } ({ $worker })?
draft-restore = Restore it and go on typing
draft-discard = Discard it
draft-restored = Restored what was being typed. Check it, then save.
draft-unreadable = The unsaved form could not be read back (it was kept by another version of Daleel): it is dropped.
draft-household-gone = The unsaved changes were for a household that has since been erased or is gone: they are dropped.
draft-not-kept = What is typed could not be kept as a draft ({ $error }); typing goes on, save soon.

## The queue's sections, its menu, lists cut to their best (issue 16)
too-small-keys = Until then keys do nothing, except F10 or Ctrl+Q, which quit.
key-next-section = next section
key-prev-section = previous section
key-section = section by number
help-keys-queue = On the Queue (F5)
queue-unreferred-chip = No referral
queue-unreferred-chip-counts = { $count } ({ $emergency } emergency)
queue-due-erasure-short = Due for erasure
menu-open-referral = Open the referral (Referrals screen)
menu-refer-again = Refer the need to another service
menu-duplicates-title = Likely duplicates: open one
menu-show-sync = Go to the Sync screen (F6)
lookup-found-best = The best { $shown } of { $count } households found: type more to narrow.
lookup-found-best-more = The best { $shown } of { $count } or more households found: type more to narrow.
services-count-first = First { $shown } of { $count } services
services-count-best = Best { $shown } of { $count } services
referrals-find = Find
referrals-shown-of = { $count } of { $total } shown
## Printed pages: dates, the referral slip and the coordination report (i18n/format.rs, report/slip.rs, report/html.rs)
# The months of the Gregorian calendar, as dates on the pages name them.
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# A date: $day and $year are numbers, $month is one of the names above.
date-long = { $day } { $month } { $year }
page-report-title = Community Resource Centre: coordination report
page-report-demo = Training data, made up for practice: not real people, not for any report.
page-report-period = From { $since } to { $until }, both days included.
page-report-small = Counts under five, and counts that would let one be worked out from the others, are shown as { $small }, so that no household can be picked out.
page-report-made = Made by Daleel on { $date } from the data on this laptop.
page-report-grouped = Grouped by { $groups }.
page-report-chart-reached = Households reached
page-report-chart-referred = Referrals made
page-report-table-needs = Needs by status
page-report-table-referrals = Referrals by status
page-report-table-outcomes = Outcomes and days to a response
page-report-col-sector = Sector
page-report-col-governorate = Governorate
page-report-col-district = District
page-report-col-subdistrict = Sub-district
page-report-col-org = Organization
page-report-col-reached = Households reached
page-report-col-median = Median days to a response
page-report-median-note = The median number of days to a response is shown for a group with five or more answered referrals.
page-report-all = All
page-report-not-referred = (not referred)
page-report-empty = Nothing was recorded in this period.
## Duplicates decided: same household (one case code kept) or not the same
audit-merge = merged into another case
audit-not-same = marked not the same household
audit-compact = database compacted
case-merged = { $alias }, merged into { $code }
slip-merged = Also registered as
err-pair-same = A case cannot be compared with itself.
err-pair-merged = { $code } was merged into { $into } already: decide about { $into } instead.
err-pair-closed = { $code } is closed: only open cases are merged.
err-forbidden-duplicates = Only a coordinator decides whether two cases are the same household (this laptop is certified as { $role }).
pair-intro = Are { $a } and { $b } the same household? F9 to decide, Esc to go back.
pair-name = Name
pair-latin = Latin
pair-phone = Phone
pair-place = Place
pair-born = Born
pair-members = Members ({ $count })
pair-status = Status
pair-consent = Consent
pair-recorded = Recorded
pair-referrals = Referrals
pair-needs = Needs ({ $count })
pair-more = …and { $count } more
pair-open = open
pair-closed = closed: { $reason }
pair-no-consent = not recorded
pair-recorded-on = { $date }, { $by }
pair-keep = Same household: keep { $code }
pair-not-same = Not the same
pair-back = Back to the queue
pair-confirm-merge = Keep { $kept } and merge { $merged } into it? Its needs ({ $needs }) and referrals ({ $referrals }) move to { $kept }, and { $merged } will find { $kept }.
pair-merged = { $merged } merged into { $kept }: its needs and referrals are there now.
pair-not-same-done = { $a } and { $b } are not the same household: they will not be offered again.
pair-consent-answers = referral { $services } · details { $details }
## The command line
## What `daleel COMMAND` prints and the refusals it ends with (src/cli). Messages whose
## id starts with cli- may name a command or a flag. Codes, paths, fingerprints, JSON,
## CSV and HXL stay as they are. In English, a core error is the error's own message;
## the cli-err- messages say it in Arabic and Kurdish (src/cli/errors.rs).
cli-no-home = cannot find a home folder for the data: name one with --data-dir
cli-passphrase-file-unreadable = cannot read the passphrase file { $file }: { $error }
cli-passphrase-file-too-large = { $file } is too large to be a passphrase file
cli-passphrase-file-not-text = { $file } is not text (UTF-8)
cli-output-failed = could not write the output: { $error }; what was written is incomplete
cli-lang-unknown = --lang { $lang }: give en, ar or ckb
cli-note-not-private = note: { $folder } could not be made readable by this account only ({ $count } files or folders stay open to other accounts): its drive keeps no owners (a FAT or exFAT stick?); keep the data directory on the laptop's own disk
cli-data-folder-unusable = cannot use the data directory { $folder }: { $error }
cli-screens-need-terminal = the screens need a terminal: run daleel in a terminal window, or give a command (daleel --help)
cli-screen-failed = the screen failed: { $error }
cli-confirm-no-terminal = { $question } No terminal to answer on: add --yes to confirm from a script
cli-confirm-choices = [y/N]
cli-answer-unreadable = could not read the answer: { $error }
cli-not-confirmed = not confirmed: nothing was changed
cli-write-failed = could not write { $file }: { $error }
cli-out-not-a-file-name = --out { $out }: not an existing folder, and not a file name ending in { $extensions }; give an existing folder (a USB drive's, say) or a file name such as { $name }. Nothing was written
cli-out-is-a-file = --out { $out }: it is a file, not a folder; give an existing folder (a USB drive's, say). Nothing was written
cli-out-no-such-folder = --out { $out }: there is no such folder (is the drive plugged in? create the folder first); give an existing folder (a USB drive's, say). Nothing was written
cli-stopped = stopped: nothing was opened

## daleel stats
cli-stats-households = Households
cli-stats-people = People
cli-stats-needs = Needs
cli-stats-referrals = Referrals
cli-stats-overdue = Overdue referrals
cli-stats-services = Services
cli-stats-organizations = Organizations
cli-stats-sample = (the built-in SAMPLE directory)
cli-compacted = Compacted: the database took { $before } MiB, now { $after } MiB.
cli-stats-disk-tree = tree
cli-stats-disk-entries = entries
cli-stats-disk-keys = keys
cli-stats-disk-values = values
cli-stats-disk-records = Keys and values of every tree
cli-stats-disk-sled = sled's files (db folder)
cli-stats-disk-overhead = of which sled's overhead and garbage
cli-stats-disk-other = Other files (keyring, audit head, drafts)
cli-stats-disk-all = The data directory
cli-stats-disk-households = The last column is per household ({ $count } households).
cli-stats-by-status = { $status } { $count }
cli-cannot-read = cannot read { $file }: { $error }
cli-file-refused = { $file }: { $error }; nothing was changed
cli-no-name = (no name)
cli-label-device = Device:
cli-label-code = Code:
cli-label-fingerprint = Fingerprint:

## daleel trust
cli-card-too-large = { $file } is not an identity card: it is far larger than one
cli-trust-confirm = Trust { $code } ({ $fingerprint })? Compare the fingerprint with the laptop's owner first.
cli-trust-added = Now trusted: { $code } ({ $fingerprint }).
cli-trust-already = { $code } ({ $fingerprint }) was trusted already.
cli-trust-none = No device is trusted yet: import another laptop's card with daleel trust add CARD.
cli-trust-no-such = no trusted device has the fingerprint { $fingerprint }: see daleel trust list
cli-untrust-confirm = Stop trusting { $code } ({ $fingerprint })? Its changes that arrive later will be skipped.
cli-untrusted = No longer trusted: { $code } ({ $fingerprint }).
cli-limit-zero = --limit must be at least 1
cli-problem-at = problem: { $file }, line { $line }, column { $column }: { $error }
cli-problem-in = problem: { $file }, { $column }: { $error }

## daleel households
cli-households-none = No household matches. Try fewer words or another spelling, a phone number, or a case code.
cli-households-windows-1256 = { $file } is not UTF-8: it was read as Arabic text in Windows-1256 (what Excel's "CSV (Comma delimited)" writes on an Arabic Windows). Next time, save it as "CSV UTF-8".
cli-households-no-consent = line { $line }: no consent (the consent column does not say yes): not imported
cli-households-already = line { $line }: already here as { $code }: not imported again
cli-households-repeated = line { $line }: the same as line { $earlier }: not imported twice
cli-households-duplicate = line { $line }: likely the same household as { $like }: { $outcome }
cli-households-duplicate-lines = line { $lines } of this file
cli-households-duplicate-both = { $cases } and { $lines }
cli-households-duplicate-imported = imported (--include-duplicates)
cli-households-duplicate-held = held back (check it; --include-duplicates imports it)
cli-households-preview = { $import } to import, { $already } already here, { $repeated } repeated in the file, { $duplicates } likely duplicates, { $consent } without consent, { $problems } problems
cli-households-preview-held = { $import } to import, { $already } already here, { $repeated } repeated in the file, { $duplicates } likely duplicates held back, { $consent } without consent, { $problems } problems
cli-households-strict = { $count } problems (above) and --strict: nothing was imported; correct the file and import it again
cli-households-nothing = Nothing to import.
cli-households-confirm = Import { $count } households?
cli-households-saved = line { $line }: { $code }
cli-households-imported = Imported { $count } households (their case codes above, by line); they reach other laptops with the next bundles.
cli-households-template-written = Wrote the registration list template: the second line explains each column. Fill one row per household in a spreadsheet, save it as "CSV UTF-8", and import it with daleel households import.

## daleel sync
cli-sync-second-file = Wrote a second file, { $file }, with the GBV and child protection cases, for the laptops certified for them only.
cli-sync-exported = Wrote { $changes } changes in { $segments } signed segments ({ $kib } KiB) from { $code } to { $file }.
cli-sync-handoff-written = Wrote a hand-off for { $org } ({ $devices } partner devices): { $referrals } referrals of { $households } households, with only what each household consented to disclose, and the service directory.
cli-sync-handoff-left-out = Left out { $count } GBV or child protection referrals: not every device of { $org } is certified for sensitive cases.
cli-sync-folder-unreadable = { $folder }: cannot read the folder: { $error }
cli-sync-no-bundles = no bundle files found there (they end in .bundle)
cli-sync-imported-handoff = { $file }: hand-off from { $code } ({ $fingerprint }): { $referrals } referrals for this organization
cli-sync-imported = { $file }: from { $code } ({ $fingerprint }): { $new } new, { $known } already known, { $parked } parked, { $conflicts } conflicts open
cli-sync-statements = { $file }: learned { $count } team statements (certificates, revocations)
cli-sync-forked = { $file }: { $count } changes refused as a fork: a second, different version of changes this laptop holds, signed under the same laptop's identity (its data folder was copied; see the Queue and docs/recovery.md)
cli-sync-no-effect = { $file }: { $count } changes kept with no effect: { $beyond } beyond their device's role, { $revoked } after a revocation (daleel team changes)
cli-sync-skipped = { $file }: skipped { $count } changes of { $code } ({ $fingerprint }): not trusted here
cli-sync-left = { $file }: for other laptops, left on the drive ({ $error })
cli-sync-not-yet = { $file }: still being written (by another laptop, or a copy under way); it will be tried again at the next import
cli-sync-remembered = Using the folder used last: { $folder }
cli-sync-no-folder = no folder given and none remembered, and no removable drive was found: give the folder (--out DIR for export, the folder for import); it is remembered for the next time
cli-sync-which-drive = no folder given and none remembered, and more than one drive was found ({ $drives }): give the folder (--out DIR for export, the folder for import)
cli-sync-no-drives = No removable drive found. A shared folder or any other folder can be given instead.
cli-sync-tidied = Removed { $removed } bundles that every trusted laptop has seen; kept { $kept }.
cli-sync-tidy-failed = { $file }: could not be removed: { $error }
cli-sync-tidy-some-failed = { $count } bundles could not be removed (see above); they were kept
cli-sync-tidy-no-folder = { $folder }: there is no such folder; give the shared folder that holds the bundles. Nothing was removed
cli-sync-refused = { $file }: refused: { $error }; nothing from it was used
cli-sync-some-refused = { $count } refused or skipped (see above); the others were imported
cli-sync-status-held = Held, per device (highest change without a gap):
cli-sync-status-parked = , { $count } parked after a gap
cli-sync-status-trusted = Trusted devices: { $count }
cli-sync-status-forks = Forks (two different changes under one laptop's identity; docs/recovery.md):
cli-sync-status-fork = { $code } change { $seq }: a second version via { $via }, not applied ({ $count } changes)
cli-sync-status-digest = State digest: { $digest }
cli-not-a-date = "{ $text }" is not a date: give it as YYYY-MM-DD
cli-too-large-not = { $file } is larger than such a file can be (over { $limit } bytes): it is not { $what }

## daleel team
cli-what-team-key = a saved team key
cli-what-request = a request
cli-what-certificate = a certificate
cli-label-team = Team:
cli-label-team-key = Team key:
cli-label-role = Role:
cli-team-key-passphrase = The team key's passphrase:
cli-team-key-no-terminal = no terminal to type the team key's passphrase on: give it with --key-passphrase-file FILE
cli-team-restore-confirm = Take this team key onto this laptop and certify it as a coordinator?
cli-team-name-missing = name the team with --name (for example "CRC Mosul")
cli-team-init-confirm = Make the team "{ $team }" with this laptop as its first coordinator? Its team key stays on this laptop; keep a copy with daleel team save-key.
cli-team-made = This laptop ({ $code }) is a coordinator of the team "{ $team }". Team key fingerprint: { $key } (devices that join compare it).
cli-whose-team-key = the saved team key
cli-team-key-saved = Wrote the team key, encrypted under the passphrase. Keep the file and the passphrase apart, somewhere safe: with both, anyone can certify devices into the team.
cli-team-request-written = Wrote the request of { $code } (fingerprint { $fingerprint }). Carry it to the coordinator, and compare the fingerprint with them.
cli-team-no-such-role = no role "{ $role }": give one of { $roles }
cli-team-approve-sensitive = , allowed to read GBV and child protection cases
cli-team-approve-until = , until { $date }
cli-team-approve-confirm = Certify { $code } ({ $fingerprint }) as { $role } of { $org }{ $terms }? Compare the fingerprint with the laptop's owner first.
cli-team-certified = Certified { $code } as { $role } of { $org }. Carry the certificate to that laptop: daleel team join { $file }
cli-team-join-confirm = Join the team "{ $team }"? Compare the team key's fingerprint with the coordinator first.
cli-team-joined = This laptop is now { $role } of { $org } in the team "{ $team }" ({ $count } devices known). Its bundles go to the team's devices.
cli-team-no-such-device = no device of the team has the fingerprint { $fingerprint }: see daleel team list
cli-team-revoke-nothing-held = this laptop holds no change from that device: say from which change on its changes stop counting with --after-seq N (0: none of them count)
cli-team-revoke-confirm = Revoke { $code } ({ $fingerprint })? Its changes after number { $after } will have no effect, here and on every laptop this reaches.
cli-team-revoked = Revoked { $code } after its change { $after }. The revocation travels in this laptop's next bundles.
cli-team-none = This laptop is in no team. A coordinator makes one with daleel team init; a laptop joins with daleel team request and daleel team join.
cli-team-list-head = Team "{ $team }", key { $key }
cli-team-member = { $code } { $fingerprint } "{ $name }" { $role } { $org }
cli-team-sensitive = sensitive
cli-team-until = until { $date }
cli-team-this-laptop = (this laptop)
cli-standing-valid = valid
cli-standing-expired = expired
cli-standing-revoked = revoked after change { $after }
cli-team-no-effect = Changes kept with no effect: { $beyond } beyond their device's role, { $revoked } after a revocation (daleel team changes).
cli-team-changes-none = No change is kept without effect.
cli-team-change = { $code } change { $seq }  { $reason }  a { $record } { $kind } by { $author } at { $at }
cli-refusal-beyond-role = beyond role
cli-refusal-revoked = revoked

## daleel workers
cli-new-passphrase-no-terminal = no terminal to type the new passphrase on: give it with --new-passphrase-file FILE
cli-new-passphrase-of = The new passphrase of { $whose } (at least { $min } characters, not easy to guess, not shown):
cli-new-passphrase = New passphrase:
cli-new-passphrase-again = The same again:
cli-workers-current = (working now)
cli-workers-added = { $name } can now open Daleel on this laptop with their own passphrase.
cli-workers-no-such = { $name } is not a worker on this laptop: see daleel workers list
cli-workers-remove-confirm = Remove { $names }? Their passphrase will no longer open Daleel here (the changes they made keep their name). The database is encrypted again under a new key, which takes a while on a large caseload.
cli-workers-removed = Removed: { $names } can no longer open Daleel on this laptop. The database is encrypted under a new key and the files under the old one are deleted; a copy or a backup made before now still opens with their passphrase.
cli-workers-passphrase-set = The passphrase of { $name } is changed, and the database is encrypted under a new key: the old passphrase opens nothing in this data directory (a copy or a backup made before now still opens with it).
cli-workers-kept-aside = Note: { $folder } holds the database a restore replaced; it is not re-keyed and still opens with the passphrases of then: delete it once you no longer need it.
cli-rekeyed = Re-keyed the database: { $all } values.
cli-rekeying = Encrypting the database under a new key: { $gauge } { $done } of { $all } values

## daleel audit, backup, check, demo, erase
cli-audit-none = Nothing in the audit trail.
cli-audit-none-for = Nothing in the audit trail for { $code }.
cli-backup-written = Backed up: { $file } ({ $bytes } bytes): { $households } households, { $needs } needs, { $referrals } referrals.
cli-backup-written-team-key = Backed up: { $file } ({ $bytes } bytes): { $households } households, { $needs } needs, { $referrals } referrals, and the team key.
cli-backup-keep = Restoring it needs the passphrase of one of this laptop's workers. Keep it away from the laptop (a drive in a locked cabinet).
cli-check-repaired = repaired: { $what }
cli-check-problem = problem: { $problem }
cli-check-whole = The database is whole: indexes, change logs, records and the audit trail agree.
cli-check-problems = { $count } problems (above)
cli-check-problems-repair = { $count } problems (above): daleel check --repair recomputes what can be derived
cli-demo-zero = --households must be at least 1
cli-demo-making = making demo households: { $done } of { $all }
cli-demo-made = Made a DEMO caseload (seed { $seed }) in { $seconds } s: { $households } households, { $needs } needs, { $referrals } referrals, { $services } services from { $organizations } organizations.
cli-demo-note = This data directory is now a demo database: it never mixes with real data.
cli-erase-no-such = no household has the case code { $code }
cli-erase-already = { $code } was erased already
cli-erase-confirm = Erase { $code }? Its names, phone, village, members' details, answers and notes are removed from this laptop, and from every laptop this erasure reaches with the next bundles; the anonymous counts stay. Backups made before now are the only copy left. This cannot be undone.
cli-erased = Erased { $code }: the household, { $needs } needs and { $referrals } referrals keep only what counts them; { $changes } changes of the log no longer hold their values. Send a bundle so that the other laptops erase it too.

## daleel export, gazetteer
cli-export-coordinators-only = { $flag } is for coordinators: this laptop is certified as { $role }
cli-export-sensitive-only = { $flag } is for coordinators certified for GBV and child-protection cases: this laptop's certificate does not say so (ask the team's coordinator)
cli-export-no-such = no export "{ $table }": give needs, referrals, services or 4w
cli-export-detail = --detail { $detail }: give district (the default is governorate)
cli-export-written = Wrote { $count } rows with HXL hashtags on the second line: no names, phone numbers, free text or case codes.
cli-export-written-codes = Wrote { $count } rows with HXL hashtags on the second line: no names, phone numbers, free text.
cli-period-missing = { $flag } is missing: give the period as --since YYYY-MM-DD --until YYYY-MM-DD (both days included)
cli-export-period-4w-only = --since and --until are for export 4w; needs, referrals and services are exported whole
cli-export-4w-no-detail = export 4w takes no --detail or --with-case-codes: it counts people, with admin 1, 2 and 3 P-codes already
cli-export-4w-written = Wrote the 4W table of { $since } to { $until }: { $count } activities and their totals, with HXL hashtags on the second line; small counts left empty (see the suppressed column).
cli-gazetteer-too-large = { $file } is over { $limit } MiB: a gazetteer CSV is far smaller; check that this is the right file
cli-gazetteer-not-utf8 = { $file } is not UTF-8 text: save it as CSV UTF-8 and try again
cli-gazetteer-refused = { $file }: { $error }; nothing was imported
cli-gazetteer-imported = Imported { $districts } districts and { $subs } sub-districts from { $file }.

## daleel identity, referral
cli-identity-name-length = a device name has 1 to 60 characters, for example "CRC Mosul laptop 3"
cli-identity-no-name = (no name yet: set one with daleel identity --name NAME)
cli-identity-name = Name
cli-identity-code = Device code
cli-identity-fingerprint = Fingerprint
cli-identity-card-written = Wrote the identity card of { $code } (fingerprint { $fingerprint }). Whoever imports it should compare this fingerprint with you.
cli-identity-age-key-written = Wrote the age identity of { $code }: it opens every bundle sent to this laptop. Keep it as safe as the laptop, and delete it once done.
cli-referral-unknown-status = unknown status { $status }; use one of: { $statuses }
cli-referral-overdue = OVERDUE
cli-referral-not-an-id = { $id } is not a referral id: see daleel referral list
cli-referral-unknown-outcome = unknown outcome { $outcome }; use successful or one of: { $outcomes }
cli-referral-no-draft = a referral cannot go back to draft
cli-referral-moved = The referral is now { $status }.
cli-referral-slip-not-an-id = "{ $id }" is not a referral id: copy one from daleel referral list
cli-referral-slip-written = Wrote the referral slip: print it, or give it to the receiving agency.

## daleel report, restore, services
cli-report-not-a-date = { $flag } { $text } is not a date: give it as YYYY-MM-DD
cli-report-until-before-since = --until is before --since
cli-restore-backup-of = Backup of laptop { $device }, made { $made }.
cli-restore-confirm = Replace the database in { $folder } with this backup? The database there now is kept aside, not deleted.
cli-restore-needs-passphrase = restoring needs the passphrase of a worker of the laptop backed up: --passphrase-file FILE or DALEEL_PASSPHRASE (and --worker NAME when it had more than one)
cli-restore-passphrase = Passphrase of a worker of the laptop backed up:
cli-restore-progress = Restoring: { $count } entries
cli-restored = Restored the backup of laptop { $device } made { $made }: { $households } households, { $needs } needs, { $referrals } referrals.
cli-restore-kept = The database that was here is kept in { $folder }: delete that folder once the restored one is checked.
cli-restore-new-identity = This laptop has a new identity: code { $code }, fingerprint { $fingerprint }. (Its old one, { $old }, is never used again, so that no change number is given twice.)
cli-restore-whole = The restored database is whole: indexes, change logs, records and the audit trail agree.
cli-restore-team-certified = Team "{ $team }": this laptop is certified as a coordinator with the team key from the backup.
cli-restore-team-request = Team "{ $team }": this laptop needs a new certificate. Write a request (daleel team request --out DRIVE) and have a coordinator approve it.
cli-restore-trust-again = The laptops this one exchanged bundles with must trust its new identity: give them its card (daleel identity export --out DRIVE).
cli-restore-then = Then import the latest bundles from the other laptops: they bring back what changed after the backup. If the old laptop was lost or stolen, have a coordinator revoke it (daleel team revoke { $fingerprint }).
cli-restore-problems = { $count } problems in the restored database (above): daleel check --repair recomputes what can be derived
cli-services-unknown-sector = unknown sector { $sector }; use one of: { $sectors }
cli-services-unknown-place = unknown place code { $code }; use a governorate P-code such as IQG15 (Ninewa) or IQG01 (Anbar)
cli-services-none = No service matches. Try fewer words, or drop --sector / --governorate.
cli-services-sample = SAMPLE
cli-services-preview = { $added } added, { $changed } changed, { $unchanged } unchanged, { $problems } problems
cli-services-new = new: { $name }
cli-services-changed = changed: { $name }
cli-services-strict = { $count } problems (above) and --strict: nothing was applied; correct the files and import again
cli-services-nothing = Nothing to change: the directory already holds all of it.
cli-services-confirm = Apply { $added } new and { $changed } changed records to the directory?
cli-services-applied = Applied { $count } records; they reach other laptops with the next bundles.
cli-services-exported = Wrote { $orgs } organizations and { $services } services as HSDS 3.0 tabular files in { $folder }.
cli-services-template-written = Wrote the services spreadsheet: the second line explains each column. Edit it in a spreadsheet, save as CSV, and import it with daleel services import.

## Core errors as the command line says them in Arabic and Kurdish (src/cli/errors.rs):
## where the screens' message (err-) names a key, or the command line's advice is a
## flag, and the errors only the command line meets. In English the command line prints
## the error's own message, which these follow.
cli-err-json = could not write JSON: { $error }
cli-err-not-empty = this database already holds { $count } households: a demo caseload goes in an empty data directory (use --data-dir)
cli-err-real-records = this database holds real records: a demo caseload goes in its own data directory (use --data-dir)
cli-err-log-gap = the change log of { $device } lacks changes from sequence number { $first } on: nothing was written (daleel check says more)
cli-err-not-trusted = no trusted device has the fingerprint { $fingerprint }: see daleel trust list
cli-err-open-elsewhere = this database is open in another Daleel window: close that window first, or use another --data-dir
cli-err-locked = this database is open in another Daleel window ({ $folder }): close that window first, or use another --data-dir
cli-err-data-folder = cannot use the data directory { $folder }: { $error }; or choose another folder with --data-dir
cli-err-needs-first-worker = a new database is encrypted and needs its first worker: give a name (--worker NAME or DALEEL_WORKER) and a passphrase of at least { $min } characters (--passphrase-file FILE or DALEEL_PASSPHRASE)
cli-err-needs-passphrase = this database is encrypted: give your passphrase (--passphrase-file FILE or DALEEL_PASSPHRASE), and your name (--worker NAME or DALEEL_WORKER) when the laptop has more than one worker
cli-err-which-worker = this database has more than one worker: say who you are (--worker NAME or DALEEL_WORKER)
cli-err-old-slots = { $names }: their passphrase was set by an earlier Daleel, and a new data key cannot be given to them without it. Each of them opens Daleel once on this laptop (that updates it), then do this again; a worker who has left can be removed in the same command (daleel workers remove NAME NAME...)
cli-err-no-team-yet = this laptop is in no team: make one with daleel team init
cli-err-no-org = give the device's organization (--org)
cli-err-nothing-held = this laptop holds no change from that device: say from which change on its changes stop counting with --after-seq N (0: all of them)
cli-err-bundle-folder = { $folder } is not a folder: give --out the folder on the USB drive to write the bundle into
cli-err-no-receiver = no trusted laptop can receive a bundle: bundles are encrypted to the laptops this one trusts; add one with daleel trust add CARD (a card made by this version of Daleel)
cli-err-no-partner-device = no partner device of { $org } is certified: approve one with daleel team approve REQUEST --role partner --org "{ $org }"
cli-err-sender-not-trusted = the sender { $code } ({ $fingerprint }) is not trusted on this laptop: import its identity card first (daleel trust add)
cli-err-not-a-backup = { $file } is not a Daleel backup: choose the .{ $ext } file that daleel backup wrote
cli-err-config = config file { $file }, line { $line }: { $error }
cli-err-config-read = cannot read config file { $file }: { $error }
cli-err-no-such-file = cannot read { $file }: there is no such file
cli-err-unreadable = cannot read { $file }: { $error }
cli-err-directory-too-large = { $file } is larger than a directory file can be ({ $limit } MiB at most)
cli-err-directory-too-many-values = { $file } holds more values than a directory file can ({ $limit } at most): split it, or export the directory as HSDS CSV files.
cli-err-too-many-rows = { $file } holds more rows than Daleel reads from one file ({ $limit } at most): split it into smaller files and import each, or check that this is the right file.
cli-err-no-header = { $file }: its first line is not a CSV header: { $error }
cli-err-csv = { $file }: { $error }
cli-err-hsds-not-a-folder = { $file } is not a folder: give the folder that holds services.csv
cli-err-hsds-no-services = { $file } holds no services.csv: it is not an HSDS directory (a spreadsheet of services is imported by naming the file)
cli-err-not-a-services-sheet = { $file } is not a services spreadsheet: its header has no "organization" and "service" columns (daleel services template writes one)
cli-err-not-json = { $file } is not JSON: { $error } (line { $line }, column { $column })
cli-err-no-service-object = { $file } holds no HSDS service object
cli-err-list-too-large = { $file } is larger than a registration list can be ({ $limit } MiB at most)
cli-err-workbook = { $file } is a spreadsheet workbook, not CSV: open it in Excel and choose File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)", and import that file
cli-err-not-csv = { $file } is not a CSV file (.csv): a registration list is imported as CSV: from a spreadsheet, open it in Excel and choose File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)"; from KoboToolbox or ODK, download the CSV export
cli-err-utf16 = { $file } is saved as Unicode Text (UTF-16): open it in Excel and choose File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)", and import that file
cli-err-binary = { $file } holds bytes that are not text: is it the right file?
cli-err-damaged-utf8 = { $file }, line { $line }: a character there is damaged (the file is UTF-8 but that line is not): correct the line, or save the file again as "CSV UTF-8", and import it again
cli-err-encoding = { $file } is neither UTF-8 text nor Arabic text in Windows-1256: open it in Excel and choose File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)" (in LibreOffice: Save As, Text CSV, character set Unicode (UTF-8)), and import that file
cli-err-missing-column = { $file } has no column { $column }
cli-err-ambiguous-column = { $file }: the columns "{ $first }" and "{ $second }" could both be { $column }: name the one to read in the map ([columns] { $column } = "...")
cli-err-map-unreadable = cannot read the map { $file }: { $error }
cli-err-map-invalid = the map { $file }, line { $line }: { $error }
cli-err-by = cannot group by "{ $word }": give sector, governorate, district, subdistrict and/or org, separated by commas
cli-err-gazetteer-column = missing column { $column }: a district file has adm2_pcode, adm2_en, adm2_ar, adm1_pcode; a sub-district file has adm3_pcode, adm3_en, adm3_ar, adm2_pcode
cli-err-gazetteer-row = line { $line }, column { $column }: { $error }
cli-err-gazetteer-unreadable = not a CSV file this program can read: { $error }
cli-err-gazetteer-empty = the file has no rows: nothing to import
cli-gazetteer-unreadable-row = unreadable row: { $error }
cli-gazetteer-elsewhere = { $district } lies in { $parent }, not { $governorate }
cli-gazetteer-unknown-governorate = unknown governorate code { $code }; import the governorates first or correct the code
cli-gazetteer-unknown-district = unknown district code { $code }; import the districts first or correct the code
cli-gazetteer-not-inside = { $code } is not a code inside { $parent }: expected { $parent }{ $marker } and two digits
cli-gazetteer-no-english-name = { $code } has no English name
cli-gazetteer-twice = { $code } appears twice with different names
## Screens right to left (issue 17): short dates, the clock, sizes
# The months' short names, for dates in lists ("28 Nov"); a language with no short
# names may write the whole name.
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
# A date in a list: $day is a number, $month a short name above.
date-short = { $day } { $month }
# The days of the week, Monday first, as the clock in the status line names them.
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
# The clock in the status line: "Sun 29 Nov 11:00".
clock = { $weekday } { $day } { $month } { $time }
# A bundle's size on the Sync screen.
sync-size-kib = { $size } KiB

# issue 18: what an HSDS import does not keep, and the directory's sample
cli-services-not-kept = Not kept (Daleel has no field for these; they stay in the files):
cli-services-not-kept-column = { $file }, column { $column }: { $count ->
        [one] one value
       *[other] { $count } values
    }
cli-services-not-kept-file = { $file }: { $count ->
        [one] one row
       *[other] { $count } rows
    } (the whole table)
cli-stats-sample-some = ({ $count } of them from the built-in SAMPLE directory, never exported)
detail-extension = ext.
detail-email = Email
detail-web = Web
