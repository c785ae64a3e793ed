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

## Forms
form-choose = (choose)
form-picker-title = Type to filter, Enter picks
form-picker-none = nothing matches
