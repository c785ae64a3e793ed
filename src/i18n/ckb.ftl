# Daleel's Central Kurdish (Sorani) messages (Project Fluent syntax). Every word the screens show comes
# from here. Translated from en.ftl; keep the same ids, in the same order.

## The frame
app-name = دەلیل
status-overdue = { $count } دواکەوتوو
status-sample = داتای نموونە
status-demo = داتای نمایشی
status-no-worker = کارمەند هەڵنەبژێردراوە (F8)
too-small = دەلیل پێویستی بە لانیکەم { $width }x{ $height } هەیە (ئێستا { $now_width }x{ $now_height }). پەنجەرەکە گەورەتر بکە.

## Keys (footer and help)
key-help = یارمەتی
key-intake = تۆمار
key-services = خزمەتگوزاری
key-referrals = ڕەوانەکردن
key-queue = ڕیزی کار
key-sync = هاوکاتکردن
key-worker = کارمەند
key-menu = کردارەکان
key-quit = دەرچوون
key-next-field = خانەی دواتر
key-prev-field = خانەی پێشوو
key-save = پاشەکەوت
key-next-step = هەنگاوی دواتر
key-prev-step = هەنگاوی پێشوو
key-toggle = نیشانە / گۆڕین
key-add = زیادکردن
key-remove = لابردن
key-back = گەڕانەوە
key-up = سەرەوە
key-down = خوارەوە
key-left = چەپ
key-right = ڕاست
key-page-up = لاپەڕەی پێشوو
key-page-down = لاپەڕەی دواتر
key-home = یەکەم
key-end = کۆتایی
key-open = کردنەوە
key-search = گەڕان
key-new = نوێ
key-next-problem = کێشەی داهاتوو
key-clear = خاڵیکردنەوەی خانە

## Forms
form-choose = (هەڵبژێرە)
form-picker-title = بنووسە یان ↑↓، Enter هەڵدەبژێرێت
form-picker-none = هیچ شتێک ناگونجێت
form-date-format = ساڵ-مانگ-ڕۆژ
filter-all = هەموو
field-cut = دەقەکە بۆ ئەم خانەیە زۆر درێژ بوو و لە سنووری خۆیدا بڕدرا.
prompt-keys = Tab دواتر · Ctrl+S پاشەکەوت · Esc وازهێنان
confirm-title = دڵنیایت؟
confirm-keys = Enter: بەڵێ · Esc: نەخێر، بگەڕێوە
notice-keys = Enter: باشە
answer-yes = بەڵێ
answer-no = نەخێر
saved = پاشەکەوت کرا.

## Tabs
tab-help = یارمەتی
tab-intake = تۆمار
tab-services = خزمەتگوزاری
tab-referrals = ڕەوانەکردن
tab-queue = ڕیزی کار
tab-sync = هاوکاتکردن

## Values
sex-female = مێ
sex-male = نێر
displacement-idp-in-camp = ئاوارەی ناو کەمپ
displacement-idp-out-of-camp = ئاوارەی دەرەوەی کەمپ
displacement-returnee = گەڕاوە
displacement-host-community = کۆمەڵگەی خانەخوێ
displacement-refugee = پەنابەر
sector-protection = پاراستن
sector-child-protection = پاراستنی منداڵ
sector-gbv = GBV
sector-hlp = نیشتەجێبوون، زەوی، موڵک
sector-civil-documentation = بەڵگەنامەی مەدەنی
sector-health = تەندروستی
sector-mhpss = MHPSS
sector-shelter-nfi = پەناگە / NFI
sector-wash = WASH
sector-food-security = ئاسایشی خۆراک
sector-livelihoods = بژێوی
sector-education = پەروەردە
sector-cash = هاوکاریی پارەیی
sector-camp-coordination = هەماهەنگیی کەمپ
sector-other = هیتر
priority-emergency = زۆر بەپەلە
priority-urgent = بەپەلە
priority-normal = ئاسایی
need-status-open = کراوە
need-status-referred = ڕەوانەکراو
need-status-met = دابینکراو
need-status-closed-unmet = داخراو، دابیننەکراو
referral-status-draft = ڕەشنووس
referral-status-sent = نێردراو
referral-status-accepted = وەرگیراو
referral-status-rejected = ڕەتکراوە
referral-status-completed = تەواوکراو
referral-status-closed = داخراو
referral-status-cancelled = هەڵوەشاوە
closure-services-received = خزمەتگوزاری وەرگیرا
closure-moved-away = شوێنی گۆڕی
closure-unreachable = چیتر پەیوەندی پێوە ناکرێت
closure-duplicate = دووبارەی کەیسێکی ترە
closure-other = هیتر
not-successful-client-refused = سوودمەند ڕەتی کردەوە
not-successful-lack-of-capacity = نەبوونی توانا
not-successful-no-longer-needed = خزمەتگوزارییەکە چیتر پێویست نییە
not-successful-client-unreachable = نەتوانرا پەیوەندی بە سوودمەندەوە بکرێت
not-successful-organization-unreachable = نەتوانرا پەیوەندی بە ڕێکخراوەکەوە بکرێت
not-successful-other = هیتر (بڵێ چی)
disclosed-head-name = ناوی سەرۆکی خێزان
disclosed-phone = ژمارەی تەلەفۆن
disclosed-location = شوێن و گوند
disclosed-members = ئەندامانی خێزان
disclosed-vulnerabilities = لاوازییەکان
disclosed-need-description = چی پێویستە
wg-not-asked = (نەپرسراوە)
wg-no-difficulty = هیچ زەحمەتییەک نییە
wg-some = هەندێک زەحمەتی
wg-a-lot = زەحمەتیی زۆر
wg-cannot-do = هەرگیز ناتوانێت
wg-seeing = بینین
wg-hearing = بیستن
wg-walking = ڕۆیشتن
wg-remembering = بیرهاتنەوە
wg-self-care = خۆچاودێری
wg-communicating = پەیوەندیکردن
doc-national-id = نییە: کارتی نیشتمانی
doc-civil-status-id = نییە: ناسنامەی باری شارستانی
doc-birth-certificate = نییە: بڕوانامەی لەدایکبوون
doc-nationality-certificate = نییە: ڕەگەزنامە
vuln-female-headed = سەرپەرشتیاری ئافرەت
vuln-older-person-alone = بەتەمەنی تەنیا
vuln-separated-child = منداڵی دابڕاو
vuln-chronic-illness = نەخۆشیی درێژخایەن
vuln-pregnant-or-lactating = دووگیان / شیردەر
vuln-missing-documents = بەڵگەنامەی نییە
vuln-disability = کەمئەندامی
span-hours = { $count ->
    [one] 1 کاتژمێر
   *[other] { $count } کاتژمێر
}
span-days = { $count ->
    [one] 1 ڕۆژ
   *[other] { $count } ڕۆژ
}
late = { $span } دواکەوتووە
due-on = وادە { $date }

## Intake
lookup-label = دۆزینەوەی خێزان (ناو، کۆدی کەیس یان تەلەفۆن):
lookup-loading = خێزانەکان باردەکرێن…
lookup-hint = { $count } خێزان. بنووسە بۆ گەڕان؛ Ctrl+N خێزانێکی نوێ تۆمار دەکات.
lookup-found = { $count ->
    [one] 1 خێزان دۆزرایەوە. Enter دەیکاتەوە.
   *[other] { $count } خێزان دۆزرانەوە. Enter هەڵبژێردراوەکە دەکاتەوە.
}
case-closed = داخراو
intake-new-title = خێزانی نوێ
intake-edit-title = خێزانی { $code }
intake-step = هەنگاوی { $n } لە 3: { $name }
step-who = کێ و لە کوێ
step-consent = ڕەزامەندی
step-needs = پێداویستییەکان
intake-unsaved = هێشتا پاشەکەوت نەکراوە
intake-box-head = سەرۆکی خێزان
intake-box-location = شوێن
intake-box-vulnerabilities = لاوازییەکان (Space نیشانە دەکات)
intake-name = ناو
intake-latin = بە لاتینی
intake-sex = ڕەگەز
intake-born = لەدایکبوون (ساڵ)
intake-phone = تەلەفۆن
intake-governorate = پارێزگا
intake-district = قەزا
intake-district-none = (نەزانراو)
intake-district-choose-governorate = سەرەتا پارێزگاکە هەڵبژێرە: قەزاکانی دوای ئەو دێن.
intake-district-none-loaded = هیچ قەزایەک لەسەر ئەم لاپتۆپە بار نەکراوە. هەماهەنگکار سنوورە کارگێڕییەکانی عێراق (COD-AB) لە HDX https://data.humdata.org بار دەکات، وەک ڕێبەری هەماهەنگکار لە بەشی «قەزاکان» دەڵێت.
intake-district-none-here = هیچ قەزایەکی ئەم پارێزگایە لەسەر ئەم لاپتۆپە بار نەکراوە: هەماهەنگکار لە سنوورەکانی COD-AB لە HDX https://data.humdata.org زیادیان دەکات، وەک ڕێبەری هەماهەنگکار لە بەشی «قەزاکان» دەڵێت.
intake-size = قەبارەی خێزان
intake-village = گوند
intake-displacement = بار
intake-returned-on = بەرواری گەڕانەوە
intake-female-headed = سەرپەرشتیاری ئافرەت
intake-members = ئەندامان ({ $count })
intake-members-keys = Ins زیادکردن · Enter دەستکاری · Del لابردن
intake-members-none = هێشتا هیچ ئەندامێکی تر نییە.
intake-duplicates = لەوانەیە پێشتر تۆمار کرابێت ({ $count }): { $list }. F9 بۆ کردنەوە.
member-relationship = پەیوەندی خزمایەتی
member-add-title = زیادکردنی ئەندام
member-edit-title = دەستکاریی ئەندام
consent-intro = هەر پرسیارێک بە زمانێکی سادە بپرسە و ئەو وەڵامە تۆمار بکە کە خێزانەکە دەیداتەوە.
consent-services-question = دەتوانین ڕەوانەی ئەو ڕێکخراوانەت بکەین کە دەتوانن یارمەتیت بدەن لە پێداویستییەکانتدا؟
consent-disclosure-question = دەتوانین ناو و تەلەفۆن و پێداویستییەکانت لەگەڵ ئەو ڕێکخراوەدا هاوبەش بکەین کە ڕەوانەت دەکەین بۆی؟
consent-follow-up-question = دەتوانین دووبارە پەیوەندیت پێوە بکەینەوە بۆ ئەوەی بپرسین ڕەوانەکردنەکە چۆن بوو؟
consent-services = ڕەوانەکردن بۆ خزمەتگوزاری
consent-disclosure = هاوبەشکردنی زانیاری
consent-follow-up = پەیوەندیی بەدواداچوون
consent-recorded = ڕەزامەندی تۆمار کرا لەلایەن { $by } لە { $at }.
needs-intro = Ins پێداویستییەک زیاد دەکات. Enter لەسەر پێداویستییەکی پاشەکەوتکراو: ڕەوانەی خزمەتگوزارییەکی بکە، دەستکاری بکە، یان وەک دابینکراو نیشانی بکە.
needs-none = هێشتا هیچ پێداویستییەک تۆمار نەکراوە.
needs-referrals = { $count ->
    [one] 1 ڕەوانەکردن
   *[other] { $count } ڕەوانەکردن
}
need-unsaved = پاشەکەوت نەکراوە
col-sector = کەرت
col-priority = گرنگی
col-status = بار
col-need = پێداویستی
col-due = وادە
col-case = کەیس
col-to = بۆ
col-late = دواکەوتن
need-add-title = زیادکردنی پێداویستی
need-edit-title = دەستکاریی پێداویستی
need-sector = کەرت
need-priority = گرنگی
need-description = چی پێویستە
need-member = بۆ کێ
need-whole-household = هەموو خێزانەکە
need-for-head = { $name } (سەرۆکی خێزان)
need-for-head-unnamed = سەرۆکی خێزان
save-problems = { $count ->
    [one] 1 شت هەیە پێش پاشەکەوتکردن چاک بکرێت: سەیری لیستەکەی خوارەوەی فۆرمەکە بکە
   *[other] { $count } شت هەیە پێش پاشەکەوتکردن چاک بکرێن: سەیری لیستەکەی خوارەوەی فۆرمەکە بکە، F7 دەچێتە سەر هەر یەکێکیان
}
problems-title = { $count ->
    [one] 1 شت هەیە پێش پاشەکەوتکردن چاک بکرێت · F7 دەچێتە سەری
   *[other] { $count } شت هەیە پێش پاشەکەوتکردن چاک بکرێن · F7 دەچێتە سەر داهاتوو
}
problems-line = هەنگاوی { $step } · { $what }
problems-step = هەنگاوی { $step } · { $count } بۆ چاککردن: { $list }
problems-none = هیچ شتێک بۆ چاککردن نییە: Ctrl+S پاشەکەوت دەکات.
problem-size-number = ژمارەی ئەو کەسانەی لە خێزانەکەدا دەژین بە ژمارە بنووسە، وەک 6، یان بەتاڵی بهێڵەوە.
problem-size-range = ژمارەیەک لە 1 تا { $max } بنووسە، یان بەتاڵی بهێڵەوە.
problem-size-listed = { $listed } کەس تۆمار کراون (سەرۆکی خێزان و ئەندامان): خێزانەکە لانیکەم ئەوەندە کەسی هەیە.
saved-title = پاشەکەوت کرا
saved-household = پاشەکەوت کرا: { $code }
saved-write-down = ئەم کۆدی کەیسە لەسەر کارتی خێزانەکە بنووسە.
saved-next = لە هەنگاوی 3 (پێداویستییەکان)، Enter لەسەر پێداویستییەک ڕەوانەی خزمەتگوزارییەکی دەکات.
problem-year-number = ساڵی لەدایکبوون وەک ژمارە بنووسە، وەک 1984.
problem-year-range = ساڵی لەدایکبوون لە { $from } تا { $to } بنووسە.
problem-phone-digits = تەنها ژمارە بەکاربهێنە (بۆشایی و + و - ڕێگەپێدراون).
problem-phone-length = ژمارەی تەلەفۆن 7 تا 15 ژمارەیە: بیپشکنە، یان بەتاڵی بهێڵەوە.
problem-choose-governorate = پارێزگاکە هەڵبژێرە.
problem-date-future = بەرواری گەڕانەوە لە داهاتوودایە: بیپشکنە.
problem-choose-displacement = باری ئاوارەیی خێزانەکە هەڵبژێرە.
problem-date-format = بەروار بە شێوەی ساڵ-مانگ-ڕۆژ بنووسە، وەک 2018-03-14.
problem-consent-answer = ئەم پرسیارە بپرسە و وەڵامەکە تۆمار بکە (بەڵێ یان نەخێر).
problem-member = ئەندامی { $n }: { $message }
problem-need = پێداویستیی { $n }: { $message }
problem-name = ناوەکە وەک ئەوەی کەسەکە دەیڵێت بنووسە.
problem-choose-sector = کەرتەکە هەڵبژێرە.
problem-need-description = بە چەند وشەیەک بڵێ چی پێویستە.
problem-reason = بە چەند وشەیەک بڵێ بۆچی.
problem-note = تێبینییەکە بنووسە.
problem-no-move = ڕەوانەکردن ناتوانێت ئەم گۆڕانکارییە بکات.
problem-close-reason = هەڵبژێرە بۆچی کەیسەکە دادەخرێت.
problem-duplicate-of = کۆدی کەیسی ئەو خێزانە بنووسە کە دەمێنێتەوە (دەبێت هەبێت).
close-title = داخستنی ئەم کەیسە
close-intro = کەیسی داخراو لە تۆمارەکاندا دەمێنێتەوە. بۆ دووبارە، کۆدی کەیسی ئەو خێزانە بدە کە دەمێنێتەوە.
close-reason = بۆچی
close-duplicate-of = دووبارەی کەیس
case-closed-saved = کەیسەکە داخرا.
close-save-first = سەرەتا گۆڕانکارییەکانت پاشەکەوت بکە یان بیانگەڕێنەوە (Ctrl+S)، پاشان کەیسەکە دابخە.
need-saved-not-removed = پێداویستیی پاشەکەوتکراو لاناچێت: بیکەرەوە (Enter) بۆ ئەوەی وەک دابینکراو یان داخراو نیشانی بکەیت.
prompt-esc-again = لەم فۆرمەدا شتت نووسیوە: دووبارە Esc دابگرە بۆ داخستنی بەبێ پاشەکەوتکردن، یان Ctrl+S بۆ پاشەکەوتکردن.
refer-save-first = سەرەتا خێزانەکە پاشەکەوت بکە (Ctrl+S)، پاشان پێداویستییەکانی ڕەوانە بکە.
refer-no-consent = ئەم خێزانە ڕەزامەندیی نەداوە بۆ ڕەوانەکردن: سەرەتا ڕەزامەندییەکەی تۆمار بکە (هەنگاوی 2).
worker-needed = سەرەتا هەڵبژێرە کێ کار دەکات (F8).

## Services
services-search = گەڕان
services-sector = کەرت
services-area = ناوچە
services-count = { $count ->
    [one] 1 خزمەتگوزاری
   *[other] { $count } خزمەتگوزاری
}
services-none = هیچ خزمەتگوزارییەک ناگونجێت. گەڕان یان پاڵاوتنەکان پاک بکەرەوە.
services-loading = ڕێبەرەکە باردەکرێت…
services-referring = ڕەوانەکردنی { $code } (Enter لەسەر خزمەتگوزارییەک، Esc ڕایدەگرێت): { $need }
services-sample-note = داتای نموونە: خزمەتگوزاری یان پەیوەندیی ڕاستەقینە نییە.
service-inactive = ناچالاک
service-inactive-note = ئەم خزمەتگوزارییە ئێستا چالاک نییە.
detail-who = کێ
detail-where = لە کوێ
detail-hours = کاتەکان
detail-phone = تەلەفۆن
detail-refer = ڕەوانەکردن
detail-next = پاشان
detail-documents = بەڵگەنامەکان
detail-languages = زمانەکان
detail-fees = کرێ
detail-free = بێبەرامبەر
detail-areas = ناوچەکان
detail-focal = کەسی پەیوەندی
draft-title = ڕەوانەکردن بۆ { $service }
draft-intro = تەنها ئەوە نیشانە بکە کە خێزانەکە ڕازی بووە هاوبەشی بکات. Ctrl+S پاشەکەوت دەکات.
draft-intro-no-disclosure = خێزانەکە ڕازی نەبووە زانیارییەکانی هاوبەش بکات: هیچ زانیارییەکی کەسی ئاشکرا ناکرێت. Ctrl+S پاشەکەوت دەکات.
draft-reason = هۆکار
draft-follow-up = بەدواداچوون لە
draft-send = کاتێک پاشەکەوت کرا
draft-send-now = ئێستا بنێرە
draft-keep = وەک ڕەشنووس بیهێڵەوە
referral-sent = ڕەوانەکردن نێردرا بۆ { $org }.
referral-drafted = ڕەوانەکردن وەک ڕەشنووس پاشەکەوت کرا.
referral-kept-draft = وەک ڕەشنووس پاشەکەوت کرا، نەنێردرا: { $error }

## Referrals
referrals-status = بار
referrals-org = بۆ
referrals-priority = گرنگی
referrals-overdue = دواکەوتوو
referrals-shown = { $count } پیشاندراوە
referrals-none = هیچ ڕەوانەکردنێک لەگەڵ ئەم پاڵاوتنانەدا ناگونجێت.
history-created = دروستکرا (ڕەشنووس)
history-note = تێبینی
outcome-successful = سەرکەوتوو
outcome-not-successful = سەرنەکەوتوو
follow-up-by = بەدواداچوون تا { $date }.
answer-due = وادەی وەڵام { $date }.
follow-up-was = بەدواداچوون { $date } بوو
referral-actions-hint = Enter: کردارەکان
move-title = نیشانکردن وەک { $status }
move-intro-rejected = بڵێ بۆچی ڕێکخراوەکە نەیتوانی ئەم ڕەوانەکردنە وەربگرێت.
move-intro-completed = تۆمار بکە چۆن کۆتایی هات. «هیتر» پێویستی بە نووسینی هۆکارەکەیە.
move-intro-closed = داخستنی ڕەوانەکردنێکی وەرگیراو کە تەواو نەکراوە پێویستی بە هۆکارە.
move-outcome = ئەنجام
move-reason = هۆکار
move-note = تێبینی
note-title = زیادکردنی تێبینیی بەدواداچوون
follow-up-title = بەرواری بەدواداچوون
follow-up-intro = بەرواری پشکنینی ئەم ڕەوانەکردنە (ساڵ-مانگ-ڕۆژ)؛ بەتاڵ بەروارەکە دەسڕێتەوە.
moved = باری ڕەوانەکردنەکە ئێستا: { $status }.

## Queue
queue-awaiting = چاوەڕێی وەڵام: { $count } ({ $overdue } دواکەوتوو)
queue-past-follow-up = وەرگیراو، بەرواری بەدواداچوون تێپەڕیوە: { $count }
queue-rejected = ڕەتکراوە، خزمەتگوزارییەکی تری پێویستە: { $count }
queue-unreferred = پێداویستیی بێ ڕەوانەکردن: زۆر بەپەلە { $emergency }، بەپەلە { $urgent }، ئاسایی { $normal }
queue-duplicates = خێزانی بە ئەگەری زۆر دووبارە: { $count }
queue-due-erasure = کاتی سڕینەوەیانە (زیاتر لە { $months } مانگ لەمەوبەر داخراون): { $count }
queue-due-erasure-row = { $code } داخرا { $date }
queue-awaiting-short = چاوەڕێی وەڵام
queue-overdue-paren = ({ $count } دواکەوتوو)
queue-past-follow-up-short = بەدواداچوون تێپەڕیوە
queue-rejected-short = ڕەتکراوە
queue-unreferred-short = پێداویستیی بێ ڕەوانەکردن:
queue-unreferred-counts = زۆر بەپەلە { $emergency }، بەپەلە { $urgent }، ئاسایی { $normal }
queue-duplicates-short = دووبارەکان
queue-conflicts = ناکۆکییەکان: { $count } (دوو لاپتۆپ یەک شتیان گۆڕیوە؛ * پیشان دەدرێت؛ Enter چارەسەری دەکات)
queue-conflicts-short = ناکۆکییەکان
conflict-keep = هێشتنەوەی «{ $value }» ({ $who }، { $when })
conflict-type = بەهایەکی نوێ بنووسە…
conflict-type-intro = ئەو بەهایەی لێرە دەینووسیت، لە هاوکاتکردنی داهاتوودا جێی هەموو بەها پیشاندراوەکان دەگرێتەوە لەسەر هەموو لاپتۆپەکان.
conflict-value = بەهای نوێ
conflict-resolved = چارەسەر کرا: بەها هێڵراوەکە لە هاوکاتکردنی داهاتوودا دەچێت بۆ لاپتۆپەکانی تر.
chart-by-sector = ڕەوانەکردنی کراوە بەپێی کەرت
chart-by-org = بەپێی ڕێکخراو
chart-by-governorate = بەپێی پارێزگا
chart-weekly = نێردراو: 12 هەفتە
chart-empty = هێشتا هیچ

## Menus
menu-title = کردارەکان
menu-help = یارمەتی
menu-new-household = خێزانی نوێ
menu-open-household = کردنەوەی { $code }
menu-save = پاشەکەوت (Ctrl+S)
menu-add-member = زیادکردنی ئەندام
menu-add-need = زیادکردنی پێداویستی
menu-edit-need = دەستکاریی ئەم پێداویستییە
menu-refer = ڕەوانەکردنی ئەم پێداویستییە بۆ خزمەتگوزارییەک
menu-need-met = نیشانکردنی ئەم پێداویستییە وەک دابینکراو
menu-need-unmet = داخستنی ئەم پێداویستییە، دابیننەکراو
menu-close-case = داخستنی ئەم کەیسە
menu-open-duplicate = کردنەوەی { $code } (لەوانەیە دووبارە بێت)
menu-leave = جێهێشتنی ئەم خێزانە
menu-refer-here = ڕەوانەکردن بۆ ئەم خزمەتگوزارییە
menu-cancel-referring = ڕاگرتنی ڕەوانەکردن
menu-move-sent = ناردن
menu-move-accepted = وەرگیرا لەلایەن ڕێکخراوەکەوە
menu-move-rejected = ڕەتکرایەوە لەلایەن ڕێکخراوەکەوە…
menu-move-completed = تەواو بوو…
menu-move-closed = داخستن…
menu-move-cancelled = هەڵوەشاندنەوە…
menu-note = زیادکردنی تێبینیی بەدواداچوون…
menu-follow-up = دانانی بەرواری بەدواداچوون…
menu-open-case = کردنەوەی خێزانەکە
worker-switch-encrypted = کار دەکەیت وەک ئەو کەسەی دەلیلی کردەوە: کارمەندێکی تر دەبێت دەربچێت (F10) و خۆی بیکاتەوە.
workers-title = کارمەندان: { $list }
menu-add-worker = زیادکردنی کارمەند (بە وشەی نهێنیی خۆی)…
menu-worker-passphrase = گۆڕینی وشەی نهێنیی کارمەندێک…
menu-remove-worker = لابردنی کارمەندێک…
add-worker-title = زیادکردنی کارمەند
add-worker-intro = بە ناوی خۆی و ئەم وشە نهێنییە دەلیل لەسەر ئەم لاپتۆپە دەکاتەوە. وشەی نهێنیی لەبیرچوو ناگەڕێتەوە.
worker-passphrase-title = گۆڕینی وشەی نهێنی
remove-worker-title = لابردنی کارمەند
remove-worker-intro = وشە نهێنییەکەی چیتر دەلیل لێرە ناکاتەوە؛ گۆڕانکارییەکانی بە ناوی خۆیەوە دەمێننەوە.
worker-name = ناو
worker-passphrase = وشەی نهێنی
worker-again = دووبارە
problem-worker-name = ناوی کارمەندەکە بنووسە.
passphrase-refused = ئەم وشە نهێنییە زۆر بە ئاسانی مەزەندە دەکرێت: { $reason } { $advice }
passphrase-weak-short = لە { $min } پیت کەمترە.
passphrase-weak-common = یەکێکە لەو وشە نهێنییانەی کە ئامرازەکانی مەزەندەکردن یەکەمجار تاقیی دەکەنەوە.
passphrase-weak-name = لەسەر ناوی خۆت یان "Daleel" دروستکراوە، کە یەکەم شتە ئامرازەکانی مەزەندەکردن تاقیی دەکەنەوە.
passphrase-weak-repeated = پیت یان کۆمەڵە پیتی دووبارەکراوە، وەک "aaaa" یان "abcabc"، بە ئاسانی مەزەندە دەکرێن.
passphrase-weak-sequence = زنجیرەی وەک "abcd" یان "6543" بە ئاسانی مەزەندە دەکرێن.
passphrase-weak-keyboard = ڕیزی دوگمەکانی تەختەکلیل، وەک "qwerty" یان "asdf"، بە ئاسانی مەزەندە دەکرێن.
passphrase-weak-date = بەروار و ساڵ بە ئاسانی مەزەندە دەکرێن.
passphrase-weak-word = یەک وشە یان یەک ناو بە ئاسانی مەزەندە دەکرێت، تەنانەت ئەگەر ژمارە یان هێمای بۆ زیاد بکرێت.
passphrase-weak-guessable = زۆر بە خێرایی مەزەندە دەکرێت.
passphrase-stronger = بەهێزتر: سێ یان چوار وشەی ئاسایی کە پەیوەندییان بە یەکەوە نییە، بە بۆشایی لە نێوانیاندا (درێژی وشەی نهێنی بەهێز دەکات، نەک هێماکان).
problem-passphrase-differs = دوو وشە نهێنییەکە جیاوازن.
workers-setting = وشەی نهێنی دادەنرێت…
worker-added = { $name } ئێستا دەتوانێت بە وشەی نهێنیی خۆی دەلیل لێرە بکاتەوە.
worker-passphrase-set = وشەی نهێنیی { $name } گۆڕدرا.
worker-removed = { $name } چیتر ناتوانێت دەلیل لێرە بکاتەوە.
rekey-intro = پاشان بنکەی زانیارییەکە دووبارە بە کلیلێکی نوێ نهێنی دەکرێتەوە، بۆ ئەوەی وشەی نهێنیی کۆن لێرە هیچ نەکاتەوە: ئەگەر کەیسەکان زۆر بن ئەمە هەندێک کاتی دەوێت.
rekey-title = نهێنیکردنی بنکەی زانیاری بە کلیلێکی نوێ
rekey-progress = { $done } لە { $all } بەها
rekey-wait = تکایە چاوەڕێ بکە. ئەگەر لاپتۆپەکە بوەستێت، هیچ لەدەست ناچێت: دەلیل لە کردنەوەی داهاتوودا ئەمە تەواو دەکات یان هەڵیدەوەشێنێتەوە.
rekey-done = بنکەی زانیاری ئێستا بە کلیلێکی نوێ نهێنی کراوە؛ پەڕگەکانی ژێر کلیلە کۆنەکە سڕانەوە.
rekey-unsaved = سەرەتا ئەو خێزانەی دەستکاریی دەکەیت پاشەکەوت بکە یان دایبخە: شاشەکان بۆ ئەمە دادەخرێن و دووبارە دەکرێنەوە.
rekey-busy = سەرەتا چاوەڕێ بکە تا کاری شاشەی هاوکاتکردن تەواو دەبێت.
lock-title = دوای ماوەیەک بێ داگرتنی هیچ کلیلێک قفڵ کرا
lock-who = { $worker }: وشەی نهێنییەکەت بنووسە و Enter دابگرە. ئەوەی دەتنووسی دەمێنێتەوە.
lock-passphrase = وشەی نهێنی:
lock-checking = پشکنین…
lock-hint = تا وشەی نهێنی نەنووسرێت هیچ پیشان نادرێت.
lock-wrong = ئەو وشە نهێنییە نایکاتەوە: دووبارە هەوڵ بدەرەوە.
menu-audit = کێ ئەم خێزانەی کردەوە یان گۆڕی
menu-erase = سڕینەوەی ئەم خێزانە (بە داواکاری)…
erase-confirm = { $code } بسڕدرێتەوە؟ ناو، تەلەفۆن، گوند، زانیاریی ئەندامان و تێبینییەکان لەم لاپتۆپە و لە هەر لاپتۆپێک کە بەستەکانی داهاتوو پێی دەگەن لادەبرێن. ژمارەکان دەمێننەوە. ئەمە ناگەڕێتەوە.
erased = { $code } سڕایەوە. بەستەیەک بنێرە تا لاپتۆپەکانی تریش بیسڕنەوە.
audit-title = تۆماری چاودێری: { $count ->
    [one] 1 تۆمار
   *[other] { $count } تۆمار
}، نوێترین لە سەرەوە
audit-view = کرایەوە
audit-change = گۆڕدرا
audit-bundle = لە بەستەیەکدا نێردرا
audit-import = هاوردە کرا
audit-export = هەناردە کرا
audit-backup = یەدەگ گیرا
audit-erase = سڕایەوە
audit-restore = لە یەدەگەوە گەڕێندرایەوە
audit-age-key = کلیلی age نووسرا
audit-worker-add = کارمەندێک زیادکرا
audit-worker-remove = کارمەندێک لابرا
audit-passphrase = وشەی نهێنی دانرا
audit-trust-add = متمانە بە لاپتۆپێک کرا
audit-trust-remove = متمانە بە لاپتۆپێک هەڵگیرا
audit-team-init = تیمێک دروستکرا
audit-team-approve = لاپتۆپێک پەسەندکرا
audit-team-revoke = لاپتۆپێک هەڵوەشێنرایەوە
audit-team-join = چووە ناو تیمێک
audit-team-save-key = کلیلی تیم پاشەکەوتکرا
audit-services-import = خزمەتگوزارییەکان هاوردە کران
audit-rollback = بنکەی زانیاری گەڕێنرایەوە بۆ کۆپییەکی پێشوو (تۆمارکرا)
audit-break = تۆماری چاودێری دەستکاریکرا (تۆمارکرا)
audit-households-import = خێزانەکان هاوردە کران
passphrase-reset-title = وشەی نهێنییەکەت دانرایەوە
passphrase-was-reset = { $by } لە { $date } وشەی نهێنییەکەتی دانایەوە.
passphrase-reset-next = ئەگەر داوات نەکردبوو، بە هەماهەنگکار بڵێ.
confirm-quit-unsaved = ئەو خێزانەی تۆماری دەکەیت پاشەکەوت نەکراوە. دەرچیت و لەدەستی بدەیت؟
confirm-quit-typed = ئەوەی لەم فۆرمەدا نووسیوتە پاشەکەوت نەکراوە. دەرچیت و لەدەستی بدەیت؟
confirm-discard = ئەم خێزانە جێدەهێڵیت بەبێ پاشەکەوتکردنی گۆڕانکارییەکانت؟

## Worker
worker-title = کێ کار دەکات؟
worker-intro = ناوت لەسەر هەر گۆڕانکارییەک کە دەیکەیت تۆمار دەکرێت.
worker-new = ناوی نوێ
worker-keys = ↑↓ هەڵبژاردن · Enter دیاریکردن · Tab ناوی نوێ بنووسە · Esc وازهێنان
worker-keys-first = ناوت بنووسە و Enter دابگرە.
worker-empty = سەرەتا ناوێک بنووسە.
worker-set = ئێستا کار دەکات: { $name }

## Errors
error-load = نەتوانرا لیستەکان باربکرێن: { $error }
error-save = پاشەکەوت نەکرا: { $error }
error-household-gone = ئەو خێزانە لەم بنکەدراوەیەدا نییە.
error-need-gone = ئەو پێداویستییە چیتر لەم بنکەدراوەیەدا نییە.
error-service-gone = ئەو خزمەتگوزارییە چیتر لە ڕێبەرەکەدا نییە.

## Help
help-title = دەلیل: کلیل و شاشەکان. ↑↓ PgUp PgDn Home End بۆ هاتوچۆ، Esc دەگەڕێتەوە.
help-keys-everywhere = لە هەموو شوێنێک
help-keys-forms = لە فۆرمدا
help-keys-lists = لە لیستدا
help-arabic-layout = بە ڕیزبەندیی تەختەکلیلی عەرەبی: کلیلەکانی F، Ctrl، تیرەکان، Tab، Enter و Esc وەک خۆیان کار دەکەن؛ ? و ؟ وەک یەکن، / و ظ وەک یەکن؛ ژمارە عەرەبی-هیندییەکان وەک ژمارە هەژمار دەکرێن. لە لیستی کردارەکان (F9)، ژمارەکان بڕگەیەک هەڵدەبژێرن.
help-intake-title = تۆمار (F2)
help-intake = خێزانێک بدۆزەرەوە بە ناو (هەر ڕێنووسێک، عەرەبی یان لاتینی)، کۆدی کەیس یان تەلەفۆن، یان خێزانێکی نوێ تۆمار بکە (Ctrl+N) لە سێ هەنگاودا: کێ و لە کوێ، ڕەزامەندی، پێداویستییەکان. دووبارە ئەگەرییەکان لە کاتی نووسیندا پیشان دەدرێن. Ctrl+S هەموو شتێک دەپشکنێت، دەتباتە سەر یەکەم کێشە، و پاشەکەوت دەکات؛ کۆدی کەیس بە گەورەیی پیشان دەدرێت تا بتوانیت بینووسیت. ئەوەی هەڵەیە لە خوارەوەی فۆرمەکە لەگەڵ هەنگاوەکەی نووسراوە و خانەکەی ! ی لەسەرە؛ F7 (یان Ctrl+E) دەچێتە سەر داهاتوو. لە لیستی هەڵبژاردندا، ↑↓ یان Enter لیستەکە دەکەنەوە و Enter هەڵدەبژێرێت؛ Ctrl+U خانەیەک بەتاڵ دەکات؛ دەقێکی لکێنراوی چەند دێڕی لە خانەکەی خۆیدا دەمێنێتەوە.
help-services-title = خزمەتگوزاری (F3)
help-services = ڕێبەری خزمەتگوزارییەکان. بنووسە بۆ گەڕان؛ Tab دەچێتە سەر پاڵاوتنی کەرت و ناوچە. لە کاتی ڕەوانەکردنی پێداویستییەکدا، Enter لەسەر خزمەتگوزارییەک ڕەشنووسی ڕەوانەکردنەکە دروست دەکات.
help-referrals-title = ڕەوانەکردن (F4)
help-referrals = هەموو ڕەوانەکردنەکان، نزیکترین وادە لە سەرەوە. گەڕان (/ یان Ctrl+F) وشە یان کۆدی کەیس لە کۆدی کەیس، پێداویستی، خزمەتگوزاری و ڕێکخراودا دەدۆزێتەوە. Tab بە ناو پاڵاوتنەکاندا دەچێت (بار، ڕێکخراو، گرنگی، دواکەوتوو)، وەک لە تۆماردا هەڵدەبژێردرێن: تیرەکان بە ناو هەڵبژاردەکاندا دەچن، یان بنووسە تا گونجاوەکان ببینیت و Enter هەڵدەبژێرێت. Enter لەسەر ڕەوانەکردنێک ئەو کردارانە دەکاتەوە کە ئێستا دەتوانێت بیکات: وەرگرتن، ڕەتکردنەوە، تەواوکردن، داخستن، هەڵوەشاندنەوە، تێبینی، بەرواری بەدواداچوون. گۆڕانکارییەک کە ڕێگەپێدراو نییە دەڵێت بۆچی و چی ڕێگەپێدراوە.
help-queue-title = ڕیزی کار (F5)
help-queue = بۆ هەماهەنگکاران: ڕەوانەکردنی دواکەوتوو و بێوەڵام، وەرگیراوەکان کە بەرواری بەدواداچوونیان تێپەڕیوە، ڕەتکراوەکان کە خزمەتگوزارییەکی تریان پێویستە، پێداویستیی بێ ڕەوانەکردن، ناکۆکیی نێوان لاپتۆپەکان (Enter بەهایەک دەهێڵێتەوە یان بەهایەکی نووسراو وەردەگرێت)، دووبارە ئەگەرییەکان، و خێزانە داخراوەکان کە کاتی سڕینەوەیانە، لەگەڵ چارت؛ ڕێکخراوەکان بە ناو پیشان دەدرێن. Tab و Shift+Tab لە بەشێکەوە بۆ بەشێکی تر دەچن، و ژمارەی بەشێک (لەسەر سەردێڕەکەی) ڕاستەوخۆ دەچێتە سەری. Enter ڕەوانەکردنەکە یان خێزانەکە دەکاتەوە؛ F9 کردارەکانی ڕیزەکە پیشان دەدات: گواستنەوەی ڕەوانەکردن، ڕەوانەکردنەوەی پێداویستی، خێزانەکە، بەهاکانی ناکۆکی، هەر دووبارەیەکی ئەگەری.
help-worker-title = کێ کار دەکات (F8)
help-worker = کارمەندان. لە بنکەدراوەیەکی شفرەکراودا، کارمەند ئەو کەسەیە کە کردوویەتیەوە؛ F8 کارمەندێک بە وشەی نهێنیی خۆی زیاد دەکات، وشەی نهێنی دەگۆڕێت یان کارمەندێک لادەبات. لە بنکەدراوەیەکدا کە پێش شفرەکردن دروستکراوە، ناوی خۆت هەڵبژێرە یان زیادی بکە.

## Sync
sync-folder = فلاشی USB (فۆڵدەر):
sync-no-drive = هیچ فلاشێکی USB نەدۆزرایەوە: فۆڵدەرەکەی لە سەرەوە بنووسە.
sync-drives = فلاشە دۆزراوەکان: { $list }.
sync-this-laptop = ئەم لاپتۆپە: { $me } · پەنجەمۆر { $fingerprint }
sync-card-written = کارتی ئەم لاپتۆپە لەسەر فلاشەکەیە: { $file }. ئەوەی متمانەی پێ دەکات پەنجەمۆری { $fingerprint } بەراورد دەکات.
trusted-done = ئێستا متمانە بە لاپتۆپی { $code } کراوە (پەنجەمۆر { $fingerprint }): بەستەکانی لەم لاپتۆپەدا هاوردە دەکرێن.
trust-confirm = متمانە بە لاپتۆپی { $who } دەکەیت؟ پەنجەمۆرەکەی { $fingerprint }ە. بەراوردی بکە لەگەڵ ئەو پەنجەمۆرەی شاشەی هاوکاتکردنی ئەو لاپتۆپە پیشانی دەدات، بە تەلەفۆن یان ڕووبەڕوو: تەنها ئەگەر وەک یەک بوون متمانەی پێ بکە.
menu-trust-card = متمانەکردن بە لاپتۆپی { $who } (کارتەکەی لەسەر فلاشەکەیە)
menu-write-card = نووسینی کارتی ئەم لاپتۆپە بۆ { $folder } (بۆ ئەوەی لاپتۆپێکی تر متمانەی پێ بکات)
sync-cards-found = { $count ->
    [one] کارتی لاپتۆپێک لەسەر ئەم فلاشەیە: F9 بۆ متمانەپێکردنی.
   *[other] کارتی { $count } لاپتۆپ لەسەر ئەم فلاشەیە: F9 بۆ متمانەپێکردنیان.
}
sync-send = ناردن
sync-unsent = { $count ->
    [one] 1 گۆڕانکاری کە تیمەکە هێشتا نایزانێت
   *[other] { $count } گۆڕانکاری کە تیمەکە هێشتا نایانزانێت
}
sync-send-how = F9: نووسینی بەستەیەک بۆ سەر فلاشەکە.
sync-receive = وەرگرتن: { $count ->
    [one] 1 بەستە
   *[other] { $count } بەستە
} لەسەر فلاشەکە
sync-none-found = هیچ بەستەیەک لەسەر ئەم فلاشە نییە (بەستەکان بە .bundle کۆتاییان دێت).
sync-scan-how = فۆڵدەری فلاشەکە بنووسە و Enter دابگرە، یان بە F9 فلاشێک هەڵبژێرە.
sync-bundle-ok = { $changes } گۆڕانکاری، پشکنراو
sync-handoff-ok = ڕادەستکردن: { $referrals } ڕەوانەکردن بۆ ئەم دەزگایە، پشکنراو
sync-progress = { $label }: { $done } لە { $total } گۆڕانکاری
sync-menu-title = هاوکاتکردن
menu-sync-export = نووسینی بەستەیەک بۆ { $folder }
menu-backup = پاشەکەوتێکی ئەم لاپتۆپە بنووسە بۆ { $folder }
menu-sync-import-all = { $count ->
    [one] هاوردەکردنی بەستەکە
   *[other] هاوردەکردنی هەموو { $count } بەستەکە
}
menu-sync-use = بەکارهێنانی فلاشی { $drive }
menu-sync-look-again = دووبارە سەیرکردنەوەی فلاشەکە
sync-no-folder = سەرەتا فلاشەکە هەڵبژێرە (فۆڵدەرەکەی بنووسە، یان F9).
sync-no-identity = ئەم پەنجەرەیە کلیلی ئامێری نییە بۆ خوێندنەوە یان نووسینی بەستەکان: دەلیل دووبارە بکەرەوە.
sync-exporting = نووسینی بەستەکە
sync-exported = { $changes } گۆڕانکاری نووسرا بۆ { $file }.
sync-importing = هاوردەکردن
sync-checking-file = پشکنینی بەستەی { $n } لە { $count }
sync-importing-file = هاوردەکردنی بەستەی { $n } لە { $count }
sync-imported = { $file }: { $new } نوێ، { $known } پێشتر زانراو، { $conflicts } ناکۆکیی کراوە.
sync-refused = ڕەتکرایەوە، هیچی لێ بەکارنەهێنرا: { $list }
sync-left-on-drive = { $file }: بۆ لاپتۆپەکانی تر، لەسەر بیرگەکە بەجێهێڵرا.
sync-not-yet = { $file }: هێشتا دەنووسرێت؛ لە هاوردەکردنی داهاتوودا دووبارە هەوڵی بۆ دەدرێتەوە.
sync-for-others = بۆ لاپتۆپەکانی تر: لەسەر بیرگەکە دەمێنێتەوە
sync-mark-ok = باشە
sync-mark-others = بۆ تر
sync-mark-skipped = بازدرا
sync-mark-refused = ڕەتکرا
help-sync-title = هاوکاتکردن (F6)
help-sync = داتا بە فلاشی USB بگوازەرەوە بۆ لاپتۆپەکانی تر. فلاشەکە هەڵبژێرە (یان فۆڵدەرەکەی بنووسە)؛ F9 بەستەیەک لەسەری دەنووسێت یان ئەو بەستانەی لەوێ دۆزراونەتەوە هاوردە دەکات. هەر بەستەیەک سەرەتا بە تەواوی دەپشکنرێت: بەستەی تێکچوو، یان بەستەیەک لە لاپتۆپێکی متمانەپێنەکراو، ڕەت دەکرێتەوە و هیچ ناگۆڕێت. بۆ متمانەکردن بە لاپتۆپێکی تر، F9 کارتی ئەم لاپتۆپە لەسەر فلاشەکە دەنووسێت؛ لە لاپتۆپەکەی تر، F9 متمانە بەو کارتە دەکات کە لەوێ دۆزراوەتەوە کاتێک هەردوو پەنجەمۆری پیشاندراو وەک یەک بوون. فۆڵدەرەکە بۆ جاری داهاتوو لەبیر دەکرێت.

## Teams (Sync screen, Queue)
role-outreach = کارمەندی مەیدانی
role-coordinator = هەماهەنگکار
role-partner = کەسی پەیوەندیی ڕێکخراوی هاوبەش
refusal-beyond-role = زیاتر لە ڕۆڵەکەی
refusal-revoked = دوای هەڵوەشاندنەوەکەی
team-role = { $role } لە { $org }
team-role-revoked = هەڵوەشێنراوەتەوە: گۆڕانکارییەکانی چیتر هەژمار ناکرێن
team-role-none = بڕوانامەی نییە
team-line = تیمی { $team }: ئەم لاپتۆپە: { $role }؛ { $devices ->
    [one] 1 ئامێر
   *[other] { $devices } ئامێر
}
team-none = لە هیچ تیمێکدا نییە: بەستەکان دەچن بۆ ئەو لاپتۆپانەی یەک بە یەک متمانەیان پێکراوە.
queue-team = تیم: { $expired } بڕوانامەی بەسەرچوو، { $ineffective } گۆڕانکاریی هێڵراوە بێ کاریگەری (شاشەی هاوکاتکردن)
queue-team-expired-row = { $code } { $name } ({ $role }): بڕوانامە بەسەرچوو { $date }، نوێی بکەرەوە
queue-team-no-effect-row = { $code } گۆڕانکاریی { $seq }: گۆڕانکارییەکی { $record } لەلایەن { $author }، { $reason }
queue-forks = لقبوونەکان: { $count } (بوخچەی داتای لاپتۆپێک کۆپی کرا: دوو لاپتۆپ وەک یەک واژوو دەکەن)
queue-fork-row = { $code } گۆڕانکاریی { $seq }: وەشانی دووەم لە ڕێگەی { $sender } لە { $date }، جێبەجێ نەکرا ({ $refused })
team-working = کار دەکات
menu-team-request = نووسینی داوای بەشداریکردن لە تیم بۆ { $folder }
menu-team-join = بەشداریکردن لە تیمی { $team } (بڕوانامەیەک بۆ ئەم لاپتۆپە لەسەر فلاشەکەیە)
menu-team-approve = پەسەندکردنی داواکەی { $code } { $name }
menu-team-revoke = هەڵوەشاندنەوەی لاپتۆپێکی تیمەکە
menu-team-handoff = نووسینی ڕادەستکردن بۆ { $org } لە { $folder }
team-revoke-title = کام لاپتۆپ هەڵبوەشێنرێتەوە؟
team-revoke-confirm = { $code } ({ $name }) هەڵبوەشێنرێتەوە؟ گۆڕانکارییەکانی دوای ژمارە { $after } هیچ کاریگەرییان نابێت، لێرە و لە هەر لاپتۆپێک کە ئەمە پێی دەگات. ئەمە ناگەڕێتەوە.
team-join-confirm = بەشداری لە تیمی { $team } دەکەیت وەک { $role }؟ سەرەتا کلیلی تیم { $key } لەگەڵ هەماهەنگکار بەراورد بکە.
approve-title = پەسەندکردنی { $code } { $name }
approve-intro = سەرەتا پەنجەمۆری { $fingerprint } لەگەڵ خاوەنی لاپتۆپەکە بەراورد بکە. کارایە تا: بەروارێک بە شێوەی YYYY-MM-DD، یان بەتاڵ بۆ بێ کۆتایی. بڕوانامەکە لەسەر فلاشەکە دەنووسرێت.
approve-role = ڕۆڵ
approve-org = ڕێکخراو
approve-sensitive = دەتوانێت کەیسەکانی GBV و پاراستنی منداڵ بخوێنێتەوە
approve-expires = کارایە تا
problem-approve-role = ڕۆڵێک هەڵبژێرە.
problem-approve-org = ڕێکخراوی لاپتۆپەکە بنووسە (هی ڕێکخراوی هاوبەش یەکێکە لە ڕێکخراوەکانی ڕێبەرەکە).
problem-approve-date = بەروارێک بە شێوەی YYYY-MM-DD، نەک لە ڕابردوودا.
team-request-written = داواکاریی { $file } لەسەر فلاشەکە نووسرا: بیبە بۆ هەماهەنگکار.
team-approved = { $code } وەک { $role } بڕوانامەی پێدرا: { $file } لەسەر فلاشەکەیە؛ بیبە بۆ ئەو لاپتۆپە.
team-joined = ئەم لاپتۆپە بەشداری تیمی { $team } بوو.
team-revoked = { $code } هەڵوەشێنرایەوە دوای گۆڕانکاریی { $after }: هەڵوەشاندنەوەکە لەگەڵ بەستەکانی داهاتوو دەنێردرێت.
handoff-written = ڕادەستکردنێک بۆ { $org } نووسرا: { $referrals } ڕەوانەکردن.
backup-written = پاشەکەوت کرا لە { $file }: { $households } خێزان. گەڕاندنەوەی پێویستی بە وشەی نهێنیی کارمەندێک هەیە؛ دیسکەکە لە شوێنێکی داخراو هەڵبگرە.
sync-imported-handoff = { $file }: ڕادەستکردنێک لەگەڵ { $referrals } ڕەوانەکردن بۆ ئەم دەزگایە.
sync-imported-no-effect = هێڵرایەوە بێ کاریگەری: { $beyond } زیاتر لە ڕۆڵی لاپتۆپەکەیان، { $revoked } دوای هەڵوەشاندنەوە (سەیری ڕیزی کار بکە).
sync-imported-forked = وەک لقبوون ڕەتکرایەوە: { $count } گۆڕانکاری، وەشانی دووەمی گۆڕانکارییەکانی هەبوو (سەیری ڕیزی کار بکە).
sync-exported-sensitive = هەروەها { $file }، لەگەڵ کەیسەکانی GBV و پاراستنی منداڵ، بۆ ئەو لاپتۆپانەی بڕوانامەیان بۆی هەیە.
menu-team-renew = نوێکردنەوەی بڕوانامەی { $code } { $name } (داواکەی لەسەر فلاشەکەیە)
team-role-expired = { $role } (بڕوانامە بەسەرچوو { $date }: داوا لە هەماهەنگکار بکە نوێی بکاتەوە)

## Referral slip (printed for agencies that do not use Daleel)
slip-title = فۆڕمی ڕەوانەکردنی نێوان دەزگاکان
slip-case-code = کۆدی کەیس (لە وەڵامەکەتدا ئاماژەی پێ بدە)
slip-referral-id = ژمارەی ڕەوانەکردن
slip-priority = گرنگی
slip-date = بەرواری ڕەوانەکردن
slip-respond-by = تکایە وەڵام بدەنەوە پێش
slip-referring = دەزگای ڕەوانەکەر
slip-receiving = دەزگای وەرگر
slip-agency = دەزگا
slip-referred-by = ڕەوانەکراوە لەلایەن
slip-service = خزمەتگوزاریی داواکراو
slip-service-phone = تەلەفۆنی خزمەتگوزاری
slip-focal-point = کەسی پەیوەندی
slip-client = سوودمەند
slip-name = ناوی سەرۆکی خێزان
slip-phone = تەلەفۆن
slip-location = شوێن
slip-members = ژمارەی کەسانی خێزان
slip-vulnerabilities = لاوازییەکان
slip-details = وردەکاری
slip-none-chosen = هیچ زانیارییەک بۆ هاوبەشکردن هەڵنەبژێردرا: کۆدی کەیس سەرچاوەیە.
slip-no-consent = خێزانەکە ڕەزامەندیی نەدا بە هاوبەشکردنی زانیارییەکانی: کۆدی کەیس سەرچاوەیە.
slip-request = داواکاری
slip-sector = کەرت
slip-need = پێداویستی
slip-reason = هۆکاری ڕەوانەکردن
slip-consent = ڕەزامەندی
slip-consent-text = سوودمەند لە { $date } ڕەزامەندیی دا بە ڕەوانەکردن، و { $share }.
slip-consent-share = بە هاوبەشکردنی ئەو زانیارییانەی سەرەوە لەگەڵ دەزگای وەرگر
slip-consent-no-share = ڕەزامەندیی نەدا بە هاوبەشکردنی زانیاریی کەسی
slip-consent-none = هیچ ڕەزامەندییەک تۆمار نەکراوە.
slip-client-signature = واژۆ یان پەنجەمۆری سوودمەند
slip-referrer-signature = واژۆی کارمەندی ڕەوانەکەر
slip-feedback = وەڵامی دەزگای وەرگر
slip-feedback-how = تکایە ئەم بەشە پڕ بکەرەوە و بیگەڕێنەوە بۆ دەزگای ڕەوانەکەر، بە ئاماژەدان بە کۆدی کەیس { $code }.
slip-feedback-decision = وەرگیرا یان ڕەتکرایەوە (و بۆچی)
slip-feedback-date = بەروار
slip-feedback-outcome = ئەنجامی خزمەتگوزاری
slip-feedback-by = ناو و دەزگا
slip-feedback-signature = واژۆ
menu-slip = چاپکردنی فۆڕمی ڕەوانەکردن
slip-written = فۆڕمی ڕەوانەکردن { $file } نووسرا: لە وێبگەڕێکدا بیکەرەوە بۆ چاپکردن.
slip-no-folder = هیچ بوخچەیەکی «بەڵگەنامەکان» نییە بۆ نووسینی فۆڕمی ڕەوانەکردن: لە شاشەی هاوکاتکردن (F6) بوخچەیەک هەڵبژێرە (بۆ نموونە لە بیرگەی USB)، پاشان فۆڕمەکە دووبارە بنووسە.
help-language = زمان: { $language }. F9 لە نێوان ئینگلیزی، عەرەبی و کوردیدا دەیگۆڕێت.
help-display = نووسینی عەرەبی: { $mode }. F9 شێوازەکە دەگۆڕێت: ئەوە هەڵبژێرە کە تێیدا نموونەکەی خوارەوە لە ڕاستەوە بۆ چەپ و بە پیتی لکاو دەخوێنرێتەوە.
help-sample = نموونە:
display-shaped = لەلایەن دەلیلەوە لکێنراو و ڕیزکراو (بۆ تێرمیناڵێک کە عەرەبی جیاجیا یان پێچەوانە پیشان دەدات)
display-terminal = بە تێرمیناڵەکە سپێردراوە (بۆ تێرمیناڵێک کە خۆی عەرەبی دەلکێنێت و ڕیز دەکات)
menu-language = زمان: { $language }
menu-display-shaped = نووسینی عەرەبی: لەلایەن دەلیلەوە لکێنراو و ڕیزکراو
menu-display-terminal = نووسینی عەرەبی: بە تێرمیناڵەکە سپێردراوە
language-set = شاشەکان ئێستا بە { $language }ن.

## Directory forms (Services screen)
svc-organization = ڕێکخراو
svc-name = خزمەتگوزاری
svc-sector = کەرت
svc-description = چی پێشکەش دەکات
svc-eligibility = کێ دەتوانێت سوودی لێ ببینێت
svc-areas = ناوچەکان (کۆدی P، ;)
svc-hours = کاتی کارکردن
svc-phone = تەلەفۆن
svc-referral-method = چۆنیەتی ڕەوانەکردن
svc-next-steps = هەنگاوەکانی دواتر
svc-languages = زمانەکان (;)
svc-documents = بەڵگەنامەکان (;)
svc-fees = کرێ
svc-status = دۆخ
svc-status-active = چالاک
svc-status-inactive = ڕاگیراو
org-name = ناو
org-acronym = کورتکراوە
org-type = جۆر
org-type-government = حکومی
org-type-un = دەزگای نەتەوە یەکگرتووەکان
org-type-international-ngo = ڕێکخراوی نێودەوڵەتی ناحکومی
org-type-national-ngo = ڕێکخراوی ناوخۆیی ناحکومی
org-type-other = هیتر
org-focal-name = کەسی پەیوەندی
org-focal-phone = تەلەفۆنی کەسی پەیوەندی
org-focal-email = ئیمەیڵی کەسی پەیوەندی
problem-svc-organization = ڕێکخراوەکە هەڵبژێرە (بۆ ڕێکخراوێکی نوێ سەرەتا: F9، ڕێکخراوی نوێ).
problem-svc-name = ناوێک بدە بە خزمەتگوزارییەکە.
problem-svc-sector = کەرتێک هەڵبژێرە.
problem-svc-area = { $code } کۆدی ناوچە نییە: کۆدی وەک IQG15 بنووسە و بە ; جیایان بکەرەوە.
problem-org-name = ناوێک بدە بە ڕێکخراوەکە.
problem-org-type = جۆرێک هەڵبژێرە.
problem-hidden-characters = ئەم خانەیە پیتێکی کۆنترۆڵی نادیار یان نیشانەی ئاراستەی تێدایە (لە لاپتۆپێکی تر یان لە فایلێکەوە هاتووە): بێ ئەو دووبارە بینووسەوە.
menu-edit-service = دەستکاریکردنی ئەم خزمەتگوزارییە…
menu-edit-organization = دەستکاریکردنی ڕێکخراوەکەی…
menu-new-service = خزمەتگوزاریی نوێ…
menu-new-organization = ڕێکخراوی نوێ…
new-service-title = خزمەتگوزاریی نوێ
new-organization-title = ڕێکخراوی نوێ
service-form-intro = لە لیستەکاندا ; دەکەوێتە نێوان بڕگەکان. گۆڕانکارییەکە بە بەستەکانی داهاتوو دەگاتە لاپتۆپەکانی تر.
service-saved = خزمەتگوزاری { $name } پاشەکەوت کرا.
organization-saved = ڕێکخراوی { $name } پاشەکەوت کرا.
sync-clock-ahead = ؛ ! کاتژمێری لاپتۆپەکەی { $days ->
    [one] 1 ڕۆژ
   *[other] { $days } ڕۆژ
} لە پێش ئەم لاپتۆپەوەیە: بەرواری هەردووکیان بپشکنە
sync-clock-behind = ؛ ! کاتژمێری لاپتۆپەکەی { $days ->
    [one] 1 ڕۆژ
   *[other] { $days } ڕۆژ
} لە دوای ئەم لاپتۆپەوەیە: بەرواری هەردووکیان بپشکنە

## Core errors as the screens show them (tui/errors.rs).
slip-write-failed = نەتوانرا فۆڕمی ڕەوانەکردن { $file } بنووسرێت: { $error }. لە شاشەی هاوکاتکردن (F6) بوخچەیەک هەڵبژێرە.
list-or = { $items } یان { $last }
list-separator = { "، " }
hidden-direction-control = نیشانەیەکی ئاراستەی نادیار
hidden-line-break = بڕینی دێڕ
hidden-control = پیتێکی کۆنترۆڵی نادیار
err-disk-full = بیرگەکە پڕە: هەندێک شوێنی لەسەر بەتاڵ بکەرەوە، یان بوخچە یان بیرگەیەکی تر هەڵبژێرە ({ $error })
err-disk-read-only = بیرگەکە تەنها بۆ خوێندنەوەیە (فلاشێکی قوفڵدراو، یان سیستەمەکە تەنها بۆ خوێندنەوە بەستوویەتی): قوفڵەکەی بکەرەوە، یان بوخچە یان بیرگەیەکی تر هەڵبژێرە ({ $error })
err-disk-denied = ئەم هەژمارە لەوێ مۆڵەتی نییە: بوخچەیەکی خۆت هەڵبژێرە، یان لە بەڕێوەبەری لاپتۆپەکە بپرسە ({ $error })
err-disk-not-found = بوخچە یان فایلەکە لەوێ نییە (ئایا بیرگەکە دەرهێنرا؟): دووبارە بیبەستەرەوە، یان بوخچەیەکی تر هەڵبژێرە ({ $error })
err-disk-file-too-large = فایلەکە گەورەترە لەوەی سیستەمی فایلی ئەم بیرگەیە ڕێگەی پێ بدات (FAT32 لە 4 GiB دەوەستێت): بیرگەیەکی exFAT یان NTFS بەکاربهێنە ({ $error })
err-disk-cut-short = فایلەکە پێش کاتی خۆی کۆتایی دێت: لە کاتی کۆپیکردندا بڕاوە؛ دووبارە کۆپیی بکەرەوە ({ $error })
err-disk-other = { $error }: دڵنیابە کە بیرگەکە بەستراوە، پڕ نییە و تەنها بۆ خوێندنەوە نییە
err-database-io = نەتوانرا بنکەدراوەکە بخوێنرێتەوە یان تێیدا بنووسرێت: { $error }
err-database-damaged = بنکەدراوەکە تێکچووە (فایلەکانی وەک ئەوەی نووسراون ناخوێنرێنەوە): لە پاشەکەوتێکەوە بیگەڕێنەوە، یان بوخچەیەکی داتای نوێ دەست پێبکە و نوێترین بەستەکان لە لاپتۆپەکانی ترەوە هاوردە بکە.
err-database-other = نەتوانرا بنکەدراوەکە بخوێنرێتەوە یان تێیدا بنووسرێت ({ $error }): لە پاشەکەوتێکەوە بیگەڕێنەوە، یان بەستەکان دووبارە هاوردە بکە.
err-stored-damaged = بەهایەکی پاشەکەوتکراو تێکچووە یان ناخوێنرێتەوە: { $error }
err-hidden-device-name = ناوی ئامێرەکە { $what }ی تێدایە ({ $code }، پیتی { $at }): بێ ئەو دووبارە بینووسەوە.
err-hidden-worker-name = ناوی کارمەندەکە { $what }ی تێدایە ({ $code }، پیتی { $at }): بێ ئەو دووبارە بینووسەوە.
err-hidden-reason = هۆکارەکە { $what }ی تێدایە ({ $code }، پیتی { $at }): بێ ئەو دووبارە بینووسەوە.
err-hidden-note = تێبینییەکە { $what }ی تێدایە ({ $code }، پیتی { $at }): بێ ئەو دووبارە بینووسەوە.
err-worker-name-length = ناوی کارمەند لە 1 تا { $max } پیتە.
err-not-empty = ئەم بنکەدراوەیە پێشتر { $count } خێزانی تێدایە: حاڵەتە تاقیکارییەکان دەچنە بوخچەیەکی داتای بەتاڵ.
err-real-records = ئەم بنکەدراوەیە تۆماری ڕاستەقینەی تێدایە: حاڵەتە تاقیکارییەکان دەچنە بوخچەیەکی داتای تایبەت بە خۆیان.
err-make-folder = نەتوانرا بوخچەی { $file } دروست بکرێت: { $error }
err-write = نەتوانرا { $file } بنووسرێت: { $error }
err-audit-head = نەتوانرا فایلی سەرەی تۆماری چاودێری { $file } بنووسرێت: { $error }
err-csv = نەتوانرا فایلی CSV دروست بکرێت: { $error }
err-workbook = نەتوانرا فایلی Excel دروست بکرێت: { $error }
err-interrupted-import = هاوردەکردنەکە پچڕا: دووبارە هاوردە بکەرەوە.
err-interrupted-handoff = هاوردەکردنی ڕادەستکردنەکە پچڕا: دووبارە هاوردەی بکەرەوە.
err-interrupted-refold = دووبارە ژماردنەوەی تۆمارەکان پچڕا: دەلیل دووبارە بکەرەوە.
err-unknown-field = گۆڕانکارییەک ناوی خانەیەک دەبات کە { $kind } نییەتی ({ $field }).
err-no-field = { $kind } خانەی ژمارە { $position }ی نییە.
err-unknown-kind = گۆڕانکارییەک ناوی جۆرە تۆمارێکی نەناسراو دەبات ({ $tag }).
err-staged-damaged = هاوردەکردنێکی ئامادەکراو تێکچووە: بەستەکە دووبارە هاوردە بکەرەوە.
err-change-too-large = گۆڕانکارییەک گەورەترە لەوەی ئامادە بکرێت.
err-damaged-key = کلیلێکی داری { $tree } تێکچووە: بنکەدراوەکە بپشکنە.
err-own-change = گۆڕانکارییەک کە دەڵێت لەم لاپتۆپەوە هاتووە و لێرە نەکراوە: ڕەتکرایەوە.
err-hash-mismatch = گۆڕانکارییەک کە بەهاکانی لەگەڵ هاشەکەیدا ناگونجێن: ڕەتکرایەوە.
err-log-gap = تۆماری گۆڕانکارییەکانی { $device } گۆڕانکاریی لە ژمارەی زنجیرەیی { $first } بەدواوە کەمە: هیچ نەنووسرا.
err-other-team = ئەم لاپتۆپە پێشتر سەر بە تیمی «{ $team }»ە (کلیل { $key }): لاپتۆپێک سەر بە یەک تیمە.
err-erasure-empty = سڕینەوەیەک بێ ناوەڕۆک: ڕەتکرایەوە.
err-erasure-of-others = سڕینەوەیەک کە ناوی تۆمارەکانی خێزانێکی تر دەبات: ڕەتکرایەوە.
err-erasure-not-written = سڕینەوەکە نەنووسرا.
err-erased = ئەم خێزانە سڕاوەتەوە: تۆمارەکانی ناگۆڕدرێن.
err-erased-already = { $code } پێشتر سڕاوەتەوە.
err-erased-not-dropped = نەتوانرا تۆمارێکی سڕاوە لاببرێت.
err-own-card = ئەمە کارتی هەمان ئەم لاپتۆپەیە: کارتی لاپتۆپێکی تر هاوردە بکە.
err-code-clash = ئامێری { $code } ({ $fingerprint }) هەمان کۆدی ئامێری ئامێری متمانەپێکراوی { $other_code } ({ $other_fingerprint })ی هەیە: کۆدی حاڵەتەکانیان بەریەک دەکەون، بۆیە ناتوانرێت متمانەی پێ بکرێت.
err-code-of-this-laptop = ئامێری { $code } ({ $fingerprint }) هەمان کۆدی ئامێری ئەم لاپتۆپەی هەیە: کۆدی حاڵەتەکانیان بەریەک دەکەون، بۆیە ناتوانرێت متمانەی پێ بکرێت.
err-not-trusted = هیچ ئامێرێکی متمانەپێکراو پەنجەمۆری { $fingerprint }ی نییە.
err-not-found = { $kind ->
    [household] هیچ خێزانێک بە ناسنامەی { $id } نییە.
    [referral] هیچ ڕەوانەکردنێک بە ناسنامەی { $id } نییە.
    [need] هیچ پێداویستییەک بە ناسنامەی { $id } نییە.
    [service] هیچ خزمەتگوزارییەک بە ناسنامەی { $id } نییە.
    [organization] هیچ ڕێکخراوێک بە ناسنامەی { $id } نییە.
   *[other] هیچ تۆمارێک ({ $kind }) بە ناسنامەی { $id } نییە.
}
err-stale = ڕەوانەکردنەکە لەو کاتەدا گۆڕا (ئێستا { $status }ە): دووبارە سەیری بکەرەوە و هەوڵ بدەرەوە.
err-too-new = ئەم بنکەدراوەیە بە وەشانێکی نوێتری دەلیل دروستکراوە (نەخشەی { $found }؛ ئەم وەشانە تا { $known } دەخوێنێتەوە): وەشانە نوێترەکە دابمەزرێنە.
err-locked = ئەم بنکەدراوەیە لە پەنجەرەیەکی تری دەلیلدا کراوەتەوە: سەرەتا ئەو پەنجەرەیە دابخە.
err-foreign-key = ئەم بنکەدراوەیە هی کلیلی ئامێرێکی ترە: ئەو فایلە کلیلە بگەڕێنەوە کە لەگەڵیدا هاتووە.
err-sealed-short = بەهایەکی پاشەکەوتکراو کورتترە لەوەی مۆر کرابێت: بنکەدراوەکە تێکچووە.
err-sealed-tampered = بەهایەکی پاشەکەوتکراو بە کلیلی ئەم بنکەدراوەیە ناکرێتەوە: بنکەدراوەکە تێکچووە یان دەستکاری کراوە.
err-forbidden-revoked = هەماهەنگکار ئەم لاپتۆپەی هەڵوەشاندەوە: گۆڕانکارییەکانی چیتر ناژمێردرێن؛ لە هەماهەنگکار بپرسە.
err-forbidden-sensitive = حاڵەتەکانی توندوتیژیی ڕەگەزی و پاراستنی منداڵ لەسەر لاپتۆپی بەڕێوەبەری حاڵەتێکی بڕوانامەدار بۆیان تۆمار و بەدواداچوونیان بۆ دەکرێت: کەسەکە ڕەوانەی بەڕێوەبەری حاڵەت بکە بێ ئەوەی وردەکاری لێرە بنووسیت.
err-forbidden-directory = تەنها هەماهەنگکار ڕێبەری خزمەتگوزارییەکان دەگۆڕێت (ئەم لاپتۆپە وەک { $role } بڕوانامەی پێدراوە).
err-forbidden-resolve = تەنها هەماهەنگکار ناکۆکییەکان چارەسەر دەکات (ئەم لاپتۆپە وەک { $role } بڕوانامەی پێدراوە).
err-forbidden-partner-step = لاپتۆپی هاوبەش تەنها ئەو ڕەوانەکردنانە وەردەگرێت، ڕەتدەکاتەوە، تەواو دەکات یان تێبینییان بۆ زیاد دەکات کە ئاراستەی ڕێکخراوەکەی کراون (ئەم لاپتۆپە وەک { $role } بڕوانامەی پێدراوە).
err-forbidden-partner = لاپتۆپی هاوبەش تەنها وەڵامی ئەو ڕەوانەکردنانە دەداتەوە کە ئاراستەی ڕێکخراوەکەی کراون (ئەم لاپتۆپە وەک { $role } بڕوانامەی پێدراوە).
err-move-final = ئەم ڕەوانەکردنە { $from }ە، کە کۆتاییە: چیتر ناگۆڕێت.
err-move-not-allowed = ڕەوانەکردنێکی { $from } ناتوانێت ببێتە { $to }؛ لە { $from }ەوە دەتوانێت ببێتە { $allowed }.
err-move-no-consent = ئەم خێزانە ڕەزامەندیی نەداوە ڕەوانەی خزمەتگوزارییەکان بکرێت: پێش ناردن ڕەزامەندی تۆمار بکە.
err-move-reason-required = بڵێ بۆچی ڕەوانەکردنەکە { $to }ە: هۆکار پێویستە.
err-move-outcome-required = ڕەوانەکردنێکی تەواوکراو پێویستی بە ئەنجامەکەیەتی: سەرکەوتوو، یان سەرنەکەوتوو لەگەڵ هۆکار.
err-move-disclosure = ئەم ڕەوانەکردنە وردەکارییەک هاوبەش دەکات کە خێزانەکە ڕەزامەندیی نەداوە: لایانبە، یان سەرەتا ڕەزامەندیی ئاشکراکردن تۆمار بکە.
err-team-too-large = فایلێکی تیم گەورەترە لەوەی دەبێت: تێکچووە.
err-team-not-a-file = ئەمە فایلی بڕوانامەی دەلیل نییە.
err-team-cut-short = فایلێکی تیم بڕاوە: دووبارە کۆپیی بکەرەوە.
err-team-too-many = فایلێکی تیم زیاتر لە { $max } ڕاگەیاندنی تێدایە: تێکچووە.
err-team-damaged = ڕاگەیاندنێکی تیم تێکچووە: { $error }
err-team-bad-signature = واژووی ڕاگەیاندنێکی تیم لەگەڵ دەرکەرەکەیدا ناگونجێت: دەستکاری کراوە یان ساختەیە.
err-team-key-not-a-key = ئەمە کلیلێکی پاشەکەوتکراوی تیم نییە.
err-team-key-passphrase = وشەی نهێنییەکە هەڵەیە، یان ئەمە کلیلێکی پاشەکەوتکراوی تیم نییە.
err-team-key-damaged = کلیلی پاشەکەوتکراوی تیم تێکچووە.
err-not-regular = فایلێکی ئاسایی نییە (بەستەرێک، بوخچەیەک یان ئامێرێکە): نەخوێندرایەوە
err-codec-empty = بەتاڵە
err-codec-version = بە وەشانێکی نوێتری دەلیل نووسراوە (شێوازی { $found }؛ ئەم وەشانە تا { $known } دەخوێنێتەوە): وەشانە نوێترەکە دابمەزرێنە
err-codec-decode = ناخوێندرێتەوە ({ $error })
err-codec-trailing = { $count } بایت لە دوایدا زیادە ماوەتەوە
err-codec-encode = نەتوانرا کۆد بکرێت ({ $error })
err-codec-not-shortest = بە تاکە کورتترین شێوەی خۆی نەنووسراوە، بۆیە واژووەکەی شایەتیی بۆ نادات
err-codec = نەتوانرا بەهایەک بنووسرێت یان بخوێنرێتەوە: { $error }
err-device-key-read = نەتوانرا کلیلی ئامێری { $file } بخوێنرێتەوە: { $error }
err-device-key-write = نەتوانرا کلیلی ئامێری { $file } بنووسرێت: { $error }
err-device-key-damaged = کلیلی ئامێری { $file } تێکچووە: لە پاشەکەوتێکەوە بیگەڕێنەوە، یان لایببە تا ئەم لاپتۆپە وەک ئامێرێکی نوێ دەست پێبکات.
err-keyring-wrong-passphrase = وشەی نهێنییەکە هەڵەیە، یان ئەو ناوە هی هیچ کارمەندێکی ئەم لاپتۆپە نییە: دووبارە هەوڵ بدەرەوە. وشەی نهێنیی لەبیرچوو ناگەڕێتەوە؛ کارمەندێکی تر دەتوانێت دووبارە زیادت بکات.
err-keyring-which-worker = ئەم لاپتۆپە زیاتر لە کارمەندێکی هەیە: ناوت لەگەڵ وشەی نهێنییەکەت بنووسە.
err-keyring-exists = { $name } پێشتر کارمەندی ئەم لاپتۆپەیە.
err-keyring-no-such-worker = هیچ کارمەندێک بەو ناوە لەسەر ئەم لاپتۆپە نییە: سەیری ڕێنووسەکەی بکە.
err-keyring-last-worker = دوایین کارمەند لاناچێت: سەرەتا کارمەندێکی تر زیاد بکە.
err-keyring-no-name = کارمەند پێویستی بە ناوێکە.
err-keyring-damaged = کلیلەکانی کارمەندانی ئەم بنکەدراوەیە تێکچوون: لە پاشەکەوتێکەوە بیگەڕێنەوە.
err-keyring-old-slots = { $names }: وشەی نهێنییان بە وەشانێکی کۆنتری دەلیل دانراوە. هەریەکەیان جارێک دەلیل لێرە بکاتەوە، پاشان دووبارە هەوڵ بدەرەوە (ئەوەی ڕۆیشتووە دەتوانرێت سەرەتا لاببرێت، F8).
err-workspace-locked = ئەم بنکەدراوەیە لە پەنجەرەیەکی تری دەلیلدا کراوەتەوە: سەرەتا ئەو پەنجەرەیە دابخە ({ $file }).
err-data-folder = ناتوانرێت بوخچەی داتای { $file } بەکاربهێنرێت: { $error }
err-needs-first-worker = بنکەدراوەیەکی نوێ شفرە کراوە و پێویستی بە یەکەم کارمەندەکەیەتی: ناوێک، و وشەیەکی نهێنیی لانیکەم { $min } پیت.
err-needs-passphrase = ئەم بنکەدراوەیە شفرە کراوە: بە ناو و وشەی نهێنیی کارمەندێک دەکرێتەوە.
err-not-encrypted = ئەم بنکەدراوەیە پێش شفرەکردن دروستکراوە: جارێک بە ناو و وشەی نهێنیی کارمەندێک بیکەرەوە تا شفرە بکرێت.
err-remove-self = کارمەند ناتوانێت خۆی لاببات: کارمەندێکی تری ئەم لاپتۆپە ئەمە دەکات.
err-busy = کارێکی تری ئەم پەنجەرەیە هێشتا بنکەدراوەکە بەکاردەهێنێت: چاوەڕێ بکە تا تەواو دەبێت، پاشان دووبارە هەوڵ بدەرەوە.
err-not-certified = بنکەدراوەکە گەڕێنرایەوە، بەڵام نەتوانرا ئەم لاپتۆپە بە کلیلی تیم بڕوانامەی پێبدرێت: { $error }
err-not-a-folder = { $file } بوخچە نییە: بوخچەی فلاشی USB هەڵبژێرە.
err-no-receiver = هیچ لاپتۆپێکی متمانەپێکراو ناتوانێت بەستە وەربگرێت: سەرەتا متمانە بە کارتی لاپتۆپێکی تر بکە (F9).
err-handoff-no-team = ئەم لاپتۆپە لە هیچ تیمێکدا نییە: ڕادەستکردنەکان دەچن بۆ لاپتۆپە بڕوانامەدارەکانی هاوبەشانی تیمەکە.
err-handoff-not-coordinator = تەنها لاپتۆپی هەماهەنگکار ڕادەستکردن بۆ هاوبەشان دەنووسێت.
err-no-organization = هیچ ڕێکخراوێکی «{ $org }» لە ڕێبەری خزمەتگوزارییەکاندا نییە.
err-no-partner-device = هیچ لاپتۆپێکی { $org } وەک هاوبەش بڕوانامەی پێنەدراوە: سەرەتا یەکێکیان پەسەند بکە (داواکارییەکەی، F9).
err-handoff-encrypt = نەتوانرا ڕادەستکردنەکە شفرە بکرێت: { $error }
err-import-read = ناخوێندرێتەوە: { $error }
err-import-real-into-demo = ئەمە بنکەدراوەیەکی تاقیکارییە (بۆ ڕاهێنان) و بەستەکە لە بنکەدراوەیەکی ڕاستەقینەوە هاتووە: هەرگیز تێکەڵ نابن.
err-import-demo-into-real = ئەمە بنکەدراوەیەکی ڕاستەقینەیە و بەستەکە لە بنکەدراوەیەکی تاقیکارییەوە (بۆ ڕاهێنان) هاتووە: هەرگیز تێکەڵ نابن.
err-handoff-other-kind = داتای تاقیکاری (بۆ ڕاهێنان) و ڕاستەقینە هەرگیز تێکەڵ نابن: ئەم ڕادەستکردنە لە جۆرەکەی ترە.
err-handoff-older = ئەم ڕادەستکردنە کۆنترە لەوەی پێشتر هاوردە کراوە: هیچ نەگۆڕدرا.
err-not-partner = ڕادەستکردنێکە بۆ لاپتۆپی دەزگایەکی هاوبەش: ئەم لاپتۆپە وەک هاوبەش بڕوانامەی پێنەدراوە.
err-bundle-not-a-bundle = بەستەی دەلیل نییە.
err-bundle-too-new = بە وەشانێکی نوێتری دەلیل دروستکراوە (وەشانی بەستە { $found }؛ ئەم وەشانە { $known } دەخوێنێتەوە): وەشانە نوێترەکە دابمەزرێنە.
err-bundle-truncated = ناتەواوە: فایلەکە بڕاوە (کۆپی یان هەناردەیەک کە تەواو نەبوو). دووبارە کۆپیی بکەرەوە.
err-bundle-damaged = تێکچووە: { $error }
err-bundle-over-limit = گەورەترە لەوەی بەستەیەک دەبێت ({ $claimed }، سنوورەکە { $limit }ە): تێکچووە، یان بەستە نییە.
err-bundle-not-trusted = متمانە بە نێرەری { $code } ({ $fingerprint }) لێرە نەکراوە: سەرەتا متمانە بە کارتەکەی بکە (F9).
err-bundle-bad-signature = واژووی نێرەر ناگونجێت: فایلەکە دوای نووسین دەستکاری کراوە.
err-bundle-bad-segment = گۆڕانکارییەکانی { $code } ({ $fingerprint }) بە واژووی ئەو لاپتۆپە نین: دەستکاری کراون یان ساختەن.
err-bundle-not-for-me = بۆ لاپتۆپەکانی ترە: { $code } ({ $fingerprint }) بۆ ئەوانی دروست کردووە. داوا لە نێرەرەکەی بکە متمانە بە کارتی ئەم لاپتۆپە بکات و دووبارە بینێرێت.
err-backup-not-a-backup = { $file } پاشەکەوتی دەلیل نییە: فایلێکی پاشەکەوت هەڵبژێرە (ناوەکەی بە .{ $ext } کۆتایی دێت).
err-backup-too-new = { $file } پاشەکەوتی وەشانێکی نوێتری دەلیلە (شێوازی { $found }؛ ئەم وەشانە { $known } دەخوێنێتەوە): بۆ گەڕاندنەوەی، وەشانە نوێترەکە دابمەزرێنە.
err-backup-damaged = پاشەکەوتی { $file } تێکچووە ({ $error }): هیچ نەگەڕێنرایەوە؛ کۆپییەکی تری بەکاربهێنە.
err-backup-incomplete = پاشەکەوتی { $file } پێش کاتی خۆی کۆتایی دێت (تا کۆتایی نەنووسراوە، یان لە کاتی کۆپیکردندا بڕاوە): هیچ نەگەڕێنرایەوە؛ کۆپییەکی تری بەکاربهێنە.
err-backup-not-encrypted = ئەم بنکەدراوەیە شفرە نەکراوە، و پاشەکەوت دەبێت شفرە بکرێت: جارێک بە ناو و وشەی نهێنیی کارمەندێک دەلیل بکەرەوە تا شفرە بکرێت، پاشان پاشەکەوتی بکە.
err-backup-not-a-folder = { $file } بوخچە نییە: بوخچەیەکی هەبوو هەڵبژێرە (بۆ نموونە هی فلاشێکی USB). هیچ پاشەکەوتێک نەنووسرا.
err-backup-write = نەتوانرا پاشەکەوتی { $file } بنووسرێت: { $error } (هیچ فایلێکی پاشەکەوت لەوێ نەما)
err-backup-read = نەتوانرا { $file } بخوێنرێتەوە: { $error }
err-backup-build = نەتوانرا بنکەدراوە گەڕێنراوەکە لە { $file } دروست بکرێت: { $error } (هیچ نەگۆڕدرا)
err-card-not-a-card = کارتی ناسنامەی دەلیل نییە.
err-card-too-large = گەورەترە لەوەی کارتی ناسنامە دەبێت ({ $bytes } بایت): کارت نییە.
err-card-damaged = کارتەکە تێکچووە ({ $error }): دووبارە داوای کارتەکە بکە.
err-card-bad-signature = واژووی کارتەکە لەگەڵ کلیلەکەیدا ناگونجێت: دەستکاری کراوە یان ساختەیە. متمانەی پێ مەکە.
err-card-hidden = ناوی ئامێر لەسەر کارتەکە { $what }ی تێدایە ({ $code }، پیتی { $at }): ڕەتکرایەوە. داوا لە خاوەنەکەی بکە ناوێکی ئاسایی بۆ ئامێرەکەی دابنێت و کارتەکە دووبارە بنووسێت.
err-team-name-length = ناوێکی 1 تا 60 پیتی بدە بە تیمەکە.
err-hidden-team-name = ناوی تیمەکە { $what }ی تێدایە ({ $code }، پیتی { $at }): بێ ئەو دووبارە بینووسەوە.
err-hidden-organization = ڕێکخراوەکە { $what }ی تێدایە ({ $code }، پیتی { $at }): بێ ئەو دووبارە بینووسەوە.
err-hidden-file-team-name = ناوی تیمەکە لەم فایلەدا { $what }ی تێدایە ({ $code }، پیتی { $at }): ڕەتکرایەوە. داوای بڕوانامەیەکی نوێ لە هەماهەنگکار بکە.
err-hidden-file-cert-org = ڕێکخراوی بڕوانامەی ئەم لاپتۆپە { $what }ی تێدایە ({ $code }، پیتی { $at }): ڕەتکرایەوە. داوای بڕوانامەیەکی نوێ لە هەماهەنگکار بکە.
err-hidden-file-cert-name = ناوی ئەم لاپتۆپە لە بڕوانامەکەیدا { $what }ی تێدایە ({ $code }، پیتی { $at }): ڕەتکرایەوە. داوای بڕوانامەیەکی نوێ لە هەماهەنگکار بکە.
err-key-of-other-team = ئەم لاپتۆپە پێشتر سەر بە تیمێکی ترە، «{ $team }»: لاپتۆپێک سەر بە یەک تیمە.
err-no-team = ئەم لاپتۆپە لە هیچ تیمێکدا نییە.
err-no-team-yet = ئەم لاپتۆپە لە هیچ تیمێکدا نییە: تەنها هەماهەنگکاری تیم لاپتۆپەکان پەسەند دەکات.
err-no-team-key = کلیلی تیم لای ئەم لاپتۆپە نییە: تەنها ئەو لاپتۆپەی تیمەکەی دروست کردووە، یان ئەوەی لەسەری گەڕێنراوەتەوە، هەیەتی.
err-seal-key = نەتوانرا کلیلی تیم مۆر بکرێت: { $error }
err-not-authority = تەنها لاپتۆپی هەماهەنگکارێک کە بە کلیلی تیم بڕوانامەی پێدراوە لاپتۆپەکان پەسەند دەکات و هەڵیاندەوەشێنێتەوە.
err-old-request = داواکارییەکە لە وەشانێکی کۆنتری دەلیلەوەیە کە ناتوانێت بەستەی شفرەکراو وەربگرێت: نوێی بکەرەوە و داواکارییەکی نوێ بنووسە.
err-revoked-device = ئەو لاپتۆپە هەڵوەشێنراوەتەوە: ناتوانرێت دووبارە بڕوانامەی پێبدرێت.
err-unknown-org = هیچ ڕێکخراوێکی «{ $org }» لە ڕێبەری خزمەتگوزارییەکاندا نییە: لاپتۆپی هاوبەش سەر بە یەکێک لە ڕێکخراوەکانی ڕێبەرەکەیە (کورتکراوەکەی بنووسە).
err-other-device = ئەم بڕوانامەیە بۆ لاپتۆپێکی ترە ({ $certified }): ئەم لاپتۆپە { $this }ە.
err-no-certificate = فایلەکە هیچ بڕوانامەیەکی دروستی بۆ ئەم لاپتۆپە تێدا نییە.
err-revoke-self = لاپتۆپ خۆی هەڵناوەشێنێتەوە: لە لاپتۆپی هەماهەنگکارێکی ترەوە هەڵیبوەشێنەوە.
err-nothing-held = ئەم لاپتۆپە هیچ گۆڕانکارییەکی ئەو لاپتۆپەی لا نییە: سەرەتا بەستەکانی هاوردە بکە.
err-typed-not-text = ئەم بەهایە ناتوانرێت بنووسرێت: یەکێک لە بەها پیشاندراوەکان بهێڵەرەوە.
err-typed-gone = { $kind ->
    [household] ئەم خێزانە چیتر لێرە نییە.
    [referral] ئەم ڕەوانەکردنە چیتر لێرە نییە.
    [need] ئەم پێداویستییە چیتر لێرە نییە.
    [service] ئەم خزمەتگوزارییە چیتر لێرە نییە.
    [organization] ئەم ڕێکخراوە چیتر لێرە نییە.
   *[other] ئەم تۆمارە چیتر لێرە نییە.
}
err-typed-phone = ژمارەی تەلەفۆن 7 تا 15 ژمارەیە (بۆشایی و + و - ڕێگەپێدراون): بیپشکنە، یان بەتاڵی بهێڵەرەوە.
err-typed-description = بە چەند وشەیەک بڵێ چی پێویستە (لە 500 پیت زیاتر نەبێت).
err-typed-refused = ئەم بەهایە ناهێڵرێتەوە: بەهایەکی تر بنووسە، یان یەکێک لە بەها پیشاندراوەکان بهێڵەرەوە.

## Before the screens open: the first run and the unlock
startup-plain = ئەم داتابەیسە پێش ئەوەی دەلیل داتاکانی شفرە بکات دروست کراوە. ئێستا بەو دەستەواژەی نهێنییەی هەڵیدەبژێریت شفرە دەکرێت.
startup-first-run = دەلیل داتاکانی بە شفرەکراوی دەپارێزێت. ئەو ناوەی کاری پێ دەکەیت هەڵبژێرە و دەستەواژەیەکی نهێنی کە لانیکەم { $min } پیت بێت و بە ئاسانی نەزانرێت (سێ یان چوار وشە کە پەیوەندییان بەیەکەوە نییە باشن). دەستەواژەی نهێنیی لەبیرچوو ناگەڕێندرێتەوە.
startup-name = ناوت:
startup-passphrase = دەستەواژەی نهێنی:
startup-passphrase-again = هەمان دەستەواژەی نهێنی دووبارە:
startup-passphrases-differ = دوو دەستەواژە نهێنییەکە جیاوازن: دووبارە هەوڵ بدەرەوە.
startup-wrong = ئەم ناو و دەستەواژە نهێنییە ئەم داتابەیسە ناکەنەوە. { $left ->
    [one] یەک هەوڵی تر ماوە.
   *[other] { $left } هەوڵی تر ماوە.
}
startup-encrypting = شفرەکردنی داتابەیس: { $done } لە { $all } بەها
startup-encrypted = داتابەیس شفرە کرا: { $all } بەها.
startup-press-enter = Enter دابگرە بۆ داخستنی ئەم پەنجەرەیە.

## Drafts: what is typed survives a power cut
draft-offer-household = خێزانە پاشەکەوتنەکراوەکەی { $when } ({ $worker }) بگەڕێنرێتەوە؟
draft-offer-form = فۆرمە پاشەکەوتنەکراوەکەی { $when } ({ $worker }) بگەڕێنرێتەوە؟
draft-restore = گەڕاندنەوە و بەردەوامبوون لە نووسین
draft-discard = فڕێدانی
draft-restored = ئەوەی دەنووسرا گەڕێندرایەوە. پشکنینی بۆ بکە، پاشان پاشەکەوتی بکە.
draft-unreadable = فۆرمە پاشەکەوتنەکراوەکە نەخوێندرایەوە (وەشانێکی تری دەلیل هەڵیگرتبوو): فڕێدرا.
draft-household-gone = گۆڕانکارییە پاشەکەوتنەکراوەکان بۆ خێزانێک بوون کە سڕاوەتەوە یان نەماوە: فڕێدران.
draft-not-kept = ئەوەی دەنووسرێت وەک ڕەشنووس هەڵنەگیرا ({ $error })؛ نووسین بەردەوامە، بەم زووانە پاشەکەوتی بکە.

## The queue's sections, its menu, lists cut to their best (issue 16)
too-small-keys = تا ئەو کاتە کلیلەکان هیچ ناکەن، جگە لە F10 یان Ctrl+Q بۆ دەرچوون.
key-next-section = بەشی دواتر
key-prev-section = بەشی پێشوو
key-section = بەش بە ژمارە
help-keys-queue = لە ڕیزی کار (F5)
queue-unreferred-chip = بێ ڕەوانەکردن
queue-unreferred-chip-counts = { $count } ({ $emergency } زۆر بەپەلە)
queue-due-erasure-short = کاتی سڕینەوە
menu-open-referral = کردنەوەی ڕەوانەکردنەکە (شاشەی ڕەوانەکردن)
menu-refer-again = ڕەوانەکردنی پێداویستییەکە بۆ خزمەتگوزارییەکی تر
menu-duplicates-title = دووبارەی ئەگەری: یەکێکیان بکەرەوە
menu-show-sync = بڕۆ بۆ شاشەی هاوکاتکردن (F6)
lookup-found-best = باشترین { $shown } لە { $count } خێزانی دۆزراوە: زیاتر بنووسە بۆ کەمکردنەوە.
lookup-found-best-more = باشترین { $shown } لە { $count } یان زیاتر خێزانی دۆزراوە: زیاتر بنووسە بۆ کەمکردنەوە.
services-count-first = یەکەم { $shown } لە { $count } خزمەتگوزاری
services-count-best = باشترین { $shown } لە { $count } خزمەتگوزاری
referrals-find = گەڕان
referrals-shown-of = { $count } لە { $total } پیشاندراوە
## Printed pages: dates, the referral slip and the coordination report (i18n/format.rs, report/slip.rs, report/html.rs)
# The months of the Gregorian calendar, as dates on the pages name them.
month-1 = کانوونی دووەم
month-2 = شوبات
month-3 = ئازار
month-4 = نیسان
month-5 = ئایار
month-6 = حوزەیران
month-7 = تەممووز
month-8 = ئاب
month-9 = ئەیلوول
month-10 = تشرینی یەکەم
month-11 = تشرینی دووەم
month-12 = کانوونی یەکەم
# A date: $day and $year are numbers, $month is one of the names above.
date-long = { $day } { $month } { $year }
page-report-title = ناوەندی سەرچاوەکانی کۆمەڵگە: ڕاپۆرتی هەماهەنگی
page-report-demo = داتای ڕاهێنانی دەستکرد بۆ مەشق: خەڵکی ڕاستەقینە نین و بۆ هیچ ڕاپۆرتێک نین.
page-report-period = لە { $since } تا { $until }، هەردوو ڕۆژەکەش لەخۆ دەگرێت.
page-report-small = ژمارەی کەمتر لە پێنج، و ئەو ژمارانەی کە دەکرێت یەکێک لەوان بە ژمێریاری لێیانەوە بدۆزرێتەوە، وەک { $small } نیشان دەدرێن، بۆ ئەوەی هیچ خێزانێک نەناسرێتەوە.
page-report-made = دەلیل لە { $date } لە داتاکانی ئەم لاپتۆپە ئامادەی کردووە.
page-report-grouped = پۆلێنکراو بەپێی: { $groups }.
page-report-chart-reached = ئەو خێزانانەی پێیان گەیشتراوە
page-report-chart-referred = ڕەوانەکردنە کراوەکان
page-report-table-needs = پێداویستییەکان بەپێی دۆخ
page-report-table-referrals = ڕەوانەکردنەکان بەپێی دۆخ
page-report-table-outcomes = ئەنجامەکان و ڕۆژەکان تا وەڵام
page-report-col-sector = کەرت
page-report-col-governorate = پارێزگا
page-report-col-district = قەزا
page-report-col-subdistrict = ناحیە
page-report-col-org = ڕێکخراو
page-report-col-reached = ئەو خێزانانەی پێیان گەیشتراوە
page-report-col-median = ناوەندی ڕۆژەکان تا وەڵام
page-report-median-note = ناوەندی ژمارەی ڕۆژەکان تا وەڵام بۆ ئەو گروپە نیشان دەدرێت کە پێنج ڕەوانەکردن یان زیاتری وەڵامیان وەرگرتووە.
page-report-all = هەموو
page-report-not-referred = (ڕەوانە نەکراوە)
page-report-empty = لەم ماوەیەدا هیچ تۆمار نەکراوە.
## دووبارە یەکلاکراوەکان: هەمان خێزان (یەک کۆدی کەیس دەمێنێتەوە) یان هەمان خێزان نین
audit-merge = تێکەڵ کرا لەگەڵ کەیسێکی تر
audit-not-same = وەک هەمان خێزان نین نیشانە کرا
audit-compact = بنکەی داتا بە چڕی دووبارە نووسرایەوە
case-merged = { $alias }، تێکەڵ کرا لەگەڵ { $code }
slip-merged = هەروەها تۆمارکراوە وەک
err-pair-same = کەیسێک لەگەڵ خۆیدا بەراورد ناکرێت.
err-pair-merged = { $code } پێشتر تێکەڵی { $into } کراوە: لە جیاتی ئەوە دەربارەی { $into } بڕیار بدە.
err-pair-closed = { $code } داخراوە: تەنها کەیسە کراوەکان تێکەڵ دەکرێن.
err-forbidden-duplicates = تەنها هەماهەنگکار بڕیار دەدات کە ئایا دوو کەیس هەمان خێزانن (ئەم لاپتۆپە وەک { $role } بڕوانامەی پێدراوە).
pair-intro = ئایا { $a } و { $b } هەمان خێزانن؟ F9 بۆ بڕیاردان، Esc بۆ گەڕانەوە.
pair-name = ناو
pair-latin = بە لاتینی
pair-phone = تەلەفۆن
pair-place = شوێن
pair-born = لەدایکبوون
pair-members = ئەندامان ({ $count })
pair-status = دۆخ
pair-consent = ڕەزامەندی
pair-recorded = تۆمارکراوە
pair-referrals = ڕەوانەکردنەکان
pair-needs = پێداویستییەکان ({ $count })
pair-more = …و { $count } ی تر
pair-open = کراوە
pair-closed = داخراو: { $reason }
pair-no-consent = تۆمار نەکراوە
pair-recorded-on = { $date }، { $by }
pair-keep = هەمان خێزان: { $code } بهێڵەرەوە
pair-not-same = هەمان خێزان نین
pair-back = گەڕانەوە بۆ ڕیز
pair-confirm-merge = { $kept } بهێڵرێتەوە و { $merged } تێکەڵی بکرێت؟ پێداویستییەکانی ({ $needs }) و ڕەوانەکردنەکانی ({ $referrals }) دەچن بۆ { $kept }، و گەڕان بەدوای { $merged } دا { $kept } دەدۆزێتەوە.
pair-merged = { $merged } تێکەڵی { $kept } کرا: پێداویستی و ڕەوانەکردنەکانی ئێستا لەوێن.
pair-not-same-done = { $a } و { $b } هەمان خێزان نین: جارێکی تر پێکەوە پیشان نادرێن.
pair-consent-answers = ڕەوانەکردن { $services } · هاوبەشکردن { $details }
## The command line
## What `daleel COMMAND` prints and the refusals it ends with (src/cli).
cli-no-home = هیچ بوخچەیەکی سەرەکی بۆ داتاکان نەدۆزرایەوە: بە --data-dir یەکێک دیاری بکە
cli-passphrase-file-unreadable = فایلی وشەی نهێنیی { $file } نەخوێندرایەوە: { $error }
cli-passphrase-file-too-large = { $file } زۆر گەورەترە لەوەی فایلی وشەی نهێنی بێت
cli-passphrase-file-not-text = { $file } دەق نییە (UTF-8)
cli-output-failed = دەرچوون نەنووسرا: { $error }؛ ئەوەی نووسرا تەواو نییە
cli-lang-unknown = --lang { $lang }: en یان ar یان ckb بدە
cli-note-not-private = تێبینی: نەتوانرا { $folder } تەنها بۆ ئەم هەژمارە خوێندنەوەی هەبێت ({ $count } فایل یان بوخچە بۆ هەژمارەکانی تر کراوە ماونەتەوە): ئەو بیرگەیە خاوەن ناپارێزێت (فلاشی FAT یان exFAT؟)؛ بوخچەی داتا لەسەر دیسکی خودی لاپتۆپەکە دابنێ
cli-data-folder-unusable = بوخچەی داتای { $folder } بەکارناهێنرێت: { $error }
cli-screens-need-terminal = شاشەکان تێرمیناڵیان پێویستە: daleel لە پەنجەرەیەکی تێرمیناڵدا بکەرەوە، یان فەرمانێکی پێ بدە (daleel --help)
cli-screen-failed = شاشەکە تێکچوو: { $error }
cli-confirm-no-terminal = { $question } هیچ تێرمیناڵێک نییە بۆ وەڵامدانەوە: --yes زیاد بکە بۆ پشتڕاستکردنەوە لە سکریپتێکەوە
cli-confirm-choices = [ب/نا]
cli-answer-unreadable = وەڵامەکە نەخوێندرایەوە: { $error }
cli-not-confirmed = پشتڕاست نەکرایەوە: هیچ نەگۆڕا
cli-write-failed = { $file } نەنووسرا: { $error }
cli-out-not-a-file-name = --out { $out }: بوخچەیەکی هەبوو نییە، و ناوی فایلێک نییە کە بە { $extensions } کۆتایی بێت؛ بوخچەیەکی هەبوو بدە (هی فلاشێک، بۆ نموونە) یان ناوی فایلێکی وەک { $name }. هیچ نەنووسرا
cli-out-is-a-file = --out { $out }: ئەمە فایلە نەک بوخچە؛ بوخچەیەکی هەبوو بدە (هی فلاشێک، بۆ نموونە). هیچ نەنووسرا
cli-out-no-such-folder = --out { $out }: بوخچەیەکی وا نییە (ئایا فلاشەکە بەستراوە؟ سەرەتا بوخچەکە دروست بکە)؛ بوخچەیەکی هەبوو بدە (هی فلاشێک، بۆ نموونە). هیچ نەنووسرا
cli-stopped = ڕاگیرا: هیچ نەکرایەوە

## daleel stats
cli-stats-households = خێزانەکان
cli-stats-people = کەسەکان
cli-stats-needs = پێداویستییەکان
cli-stats-referrals = ڕەوانەکردنەکان
cli-stats-overdue = ڕەوانەکردنی دواکەوتوو
cli-stats-services = خزمەتگوزارییەکان
cli-stats-organizations = ڕێکخراوەکان
cli-stats-sample = (ڕێبەری نموونەی ناو دەلیل)
cli-compacted = چڕکرایەوە: بنکەی داتا { $before } MiB بوو، ئێستا { $after } MiB ـە.
cli-stats-disk-tree = دار
cli-stats-disk-entries = تۆمارەکان
cli-stats-disk-keys = کلیلەکان
cli-stats-disk-values = بەهاکان
cli-stats-disk-records = کلیل و بەهای هەموو دارەکان
cli-stats-disk-sled = فایلەکانی sled (بوخچەی db)
cli-stats-disk-overhead = لەوانە ئەوەی sled زیادی دەکات و داتای کۆن
cli-stats-disk-other = فایلی تر (کلیلدان، سەری تۆماری چاودێری، ڕەشنووسەکان)
cli-stats-disk-all = بوخچەی داتا
cli-stats-disk-households = ستوونی کۆتایی بۆ هەر خێزانێکە ({ $count } خێزان).
cli-stats-by-status = { $status } { $count }
cli-cannot-read = { $file } نەخوێندرایەوە: { $error }
cli-file-refused = { $file }: { $error }؛ هیچ نەگۆڕا
cli-no-name = (بێ ناو)
cli-label-device = ئامێر:
cli-label-code = کۆد:
cli-label-fingerprint = پەنجەمۆر:

## daleel trust
cli-card-too-large = { $file } کارتی ناسنامە نییە: زۆر لە کارتێک گەورەترە
cli-trust-confirm = متمانە بە { $code } ({ $fingerprint }) دەکەیت؟ سەرەتا پەنجەمۆرەکە لەگەڵ خاوەنی لاپتۆپەکە بەراورد بکە.
cli-trust-added = ئێستا متمانەی پێکراوە: { $code } ({ $fingerprint }).
cli-trust-already = { $code } ({ $fingerprint }) پێشتر متمانەی پێکرابوو.
cli-trust-none = هێشتا متمانە بە هیچ ئامێرێک نەکراوە: کارتی لاپتۆپێکی تر بە daleel trust add CARD هاوردە بکە.
cli-trust-no-such = هیچ ئامێرێکی متمانەپێکراو پەنجەمۆری { $fingerprint }ی نییە: سەیری daleel trust list بکە
cli-untrust-confirm = متمانە بە { $code } ({ $fingerprint }) ڕادەگیرێت؟ گۆڕانکارییەکانی کە دواتر دەگەن بازیان لێ دەدرێت.
cli-untrusted = چیتر متمانەی پێ ناکرێت: { $code } ({ $fingerprint }).
cli-limit-zero = --limit دەبێت لانیکەم 1 بێت
cli-problem-at = کێشە: { $file }، هێڵی { $line }، ستوونی { $column }: { $error }
cli-problem-in = کێشە: { $file }، { $column }: { $error }

## daleel households
cli-households-none = هیچ خێزانێک ناگونجێت. وشەی کەمتر یان ڕێنووسێکی تر، ژمارەی تەلەفۆن، یان کۆدی کەیس تاقی بکەرەوە.
cli-households-windows-1256 = { $file } UTF-8 نییە: وەک دەقی عەرەبی بە Windows-1256 خوێندرایەوە (ئەوەی Excel وەک "CSV (Comma delimited)" لەسەر Windowsی عەرەبی دەینووسێت). جاری داهاتوو وەک "CSV UTF-8" پاشەکەوتی بکە.
cli-households-no-consent = هێڵی { $line }: ڕەزامەندی نییە (ستوونی ڕەزامەندی بەڵێ ناڵێت): هاوردە نەکرا
cli-households-already = هێڵی { $line }: پێشتر لێرەیە وەک { $code }: دووبارە هاوردە نەکرا
cli-households-repeated = هێڵی { $line }: وەک هێڵی { $earlier }ە: دوو جار هاوردە نەکرا
cli-households-duplicate = هێڵی { $line }: بە ئەگەری زۆر هەمان خێزانی { $like }یە: { $outcome }
cli-households-duplicate-lines = هێڵی { $lines }ی ئەم فایلە
cli-households-duplicate-both = { $cases } و { $lines }
cli-households-duplicate-imported = هاوردە کرا (--include-duplicates)
cli-households-duplicate-held = ڕاگیرا (بیپشکنە؛ --include-duplicates هاوردەی دەکات)
cli-households-preview = بۆ هاوردەکردن: { $import }، پێشتر لێرە: { $already }، دووبارە لە فایلەکەدا: { $repeated }، دووبارەی ئەگەری: { $duplicates }، بێ ڕەزامەندی: { $consent }، کێشە: { $problems }
cli-households-preview-held = بۆ هاوردەکردن: { $import }، پێشتر لێرە: { $already }، دووبارە لە فایلەکەدا: { $repeated }، دووبارەی ئەگەریی ڕاگیراو: { $duplicates }، بێ ڕەزامەندی: { $consent }، کێشە: { $problems }
cli-households-strict = کێشە: { $count } (لە سەرەوە) و --strict: هیچ هاوردە نەکرا؛ فایلەکە ڕاست بکەرەوە و دووبارە هاوردەی بکە
cli-households-nothing = هیچ شتێک بۆ هاوردەکردن نییە.
cli-households-confirm = خێزانەکان ({ $count }) هاوردە بکرێن؟
cli-households-saved = هێڵی { $line }: { $code }
cli-households-imported = خێزانەکان هاوردە کران: { $count } (کۆدی کەیسەکانیان لە سەرەوە، بە پێی هێڵ)؛ لەگەڵ بەستەکانی داهاتوو دەگەنە لاپتۆپەکانی تر.
cli-households-template-written = قاڵبی لیستی تۆمارکردن نووسرا: هێڵی دووەم هەر ستوونێک ڕوون دەکاتەوە. بۆ هەر خێزانێک ڕیزێک لە خشتەیەکدا پڕ بکەرەوە، وەک "CSV UTF-8" پاشەکەوتی بکە، و بە daleel households import هاوردەی بکە.

## daleel sync
cli-sync-second-file = فایلێکی دووەم نووسرا، { $file }، کە کەیسەکانی GBV و پاراستنی منداڵی تێدایە، تەنها بۆ ئەو لاپتۆپانەی بڕوانامەیان بۆ ئەوانە هەیە.
cli-sync-exported = گۆڕانکارییەکان ({ $changes }) لە بەشی واژووکراودا ({ $segments }، { $kib } KiB) لە { $code }ەوە بۆ { $file } نووسران.
cli-sync-handoff-written = ڕادەستکردنێک بۆ { $org } نووسرا (ئامێری هاوبەش: { $devices }): ڕەوانەکردن: { $referrals }، خێزان: { $households }، تەنها ئەوەی هەر خێزانێک ڕەزامەندیی داوە ئاشکرا بکرێت، لەگەڵ ڕێبەری خزمەتگوزارییەکان.
cli-sync-handoff-left-out = ڕەوانەکردنی GBV یان پاراستنی منداڵ ({ $count }) لابران: هەموو ئامێرەکانی { $org } بڕوانامەیان بۆ کەیسە هەستیارەکان نییە.
cli-sync-folder-unreadable = { $folder }: بوخچەکە نەخوێندرایەوە: { $error }
cli-sync-no-bundles = هیچ فایلێکی بەستە لەوێ نییە (بە .bundle کۆتاییان دێت)
cli-sync-imported-handoff = { $file }: ڕادەستکردن لە { $code } ({ $fingerprint }): ڕەوانەکردن بۆ ئەم ڕێکخراوە: { $referrals }
cli-sync-imported = { $file }: لە { $code } ({ $fingerprint }): نوێ { $new }، پێشتر زانراو { $known }، ڕاگیراو { $parked }، ناکۆکیی کراوە { $conflicts }
cli-sync-statements = { $file }: ڕاگەیەندراوی تیم فێربوو (بڕوانامە، هەڵوەشاندنەوە): { $count }
cli-sync-forked = { $file }: گۆڕانکاریی ڕەتکراوە وەک لقبوون: { $count }: وەشانێکی دووەمی جیاوازی گۆڕانکارییەکانی ئەم لاپتۆپە، بە ناسنامەی هەمان لاپتۆپ واژوو کراوە (بوخچەی داتاکەی کۆپی کرا؛ سەیری ڕیزی کار و docs/recovery.md بکە)
cli-sync-no-effect = { $file }: گۆڕانکاریی هێڵراوە بێ کاریگەری: { $count }: زیاتر لە ڕۆڵی ئامێرەکەیان { $beyond }، دوای هەڵوەشاندنەوە { $revoked } (daleel team changes)
cli-sync-skipped = { $file }: بازدان بەسەر گۆڕانکارییەکانی { $code } ({ $fingerprint }): { $count }: لێرە متمانەی پێ نەکراوە
cli-sync-left = { $file }: بۆ لاپتۆپەکانی تر، لەسەر فلاشەکە بەجێهێڵرا ({ $error })
cli-sync-not-yet = { $file }: هێشتا دەنووسرێت (لە لاپتۆپێکی ترەوە، یان لەبەرگرتنەوەیەک لە کاردایە)؛ لە هاوردەکردنی داهاتوودا دووبارە هەوڵی بۆ دەدرێتەوە
cli-sync-remembered = ئەو بوخچەیە بەکاردێت کە دوایین جار بەکارهات: { $folder }
cli-sync-no-folder = هیچ بوخچەیەک نەدراوە و هیچیش لەبیر نەکراوە، و هیچ فلاشێکی لابراو نەدۆزرایەوە: بوخچەکە بدە (‎--out DIR‎ بۆ هەناردەکردن، بوخچەکە بۆ هاوردەکردن)؛ بۆ جاری داهاتوو لەبیر دەکرێت
cli-sync-which-drive = هیچ بوخچەیەک نەدراوە و هیچیش لەبیر نەکراوە، و زیاتر لە فلاشێک دۆزرایەوە ({ $drives }): بوخچەکە بدە (‎--out DIR‎ بۆ هەناردەکردن، بوخچەکە بۆ هاوردەکردن)
cli-sync-no-drives = هیچ فلاشێکی لابراو نەدۆزرایەوە. دەتوانرێت بوخچەیەکی هاوبەش یان هەر بوخچەیەکی تر لە جیاتی بدرێت.
cli-sync-tidied = ئەو بەستانە سڕانەوە کە هەموو لاپتۆپە متمانەپێکراوەکان بینیویانە: { $removed }؛ مانەوە: { $kept }.
cli-sync-tidy-failed = { $file }: نەتوانرا بسڕدرێتەوە: { $error }
cli-sync-tidy-some-failed = بەستەی نەسڕاوە: { $count } (لە سەرەوە)؛ هێڵدرانەوە
cli-sync-tidy-no-folder = { $folder }: بوخچەیەکی وا نییە؛ ئەو بوخچە هاوبەشە بدە کە بەستەکانی تێدایە. هیچ نەسڕایەوە
cli-sync-refused = { $file }: ڕەتکرایەوە: { $error }؛ هیچی لێ بەکارنەهێنرا
cli-sync-some-refused = ڕەتکراوە یان بازدراو: { $count } (لە سەرەوە)؛ ئەوانی تر هاوردە کران
cli-sync-status-held = ئەوەی لە هەر ئامێرێک هەیە (بەرزترین گۆڕانکاری بێ بۆشایی):
cli-sync-status-parked = ، ڕاگیراو دوای بۆشایی: { $count }
cli-sync-status-trusted = ئامێرە متمانەپێکراوەکان: { $count }
cli-sync-status-forks = لقبوونەکان (دوو گۆڕانکاریی جیاواز بە ناسنامەی یەک لاپتۆپ؛ docs/recovery.md):
cli-sync-status-fork = { $code } گۆڕانکاریی { $seq }: وەشانی دووەم لە ڕێگەی { $via }، جێبەجێ نەکرا (گۆڕانکاری: { $count })
cli-sync-status-digest = پوختەی دۆخ: { $digest }
cli-not-a-date = "{ $text }" بەروار نییە: بە شێوەی YYYY-MM-DD بینووسە
cli-too-large-not = { $file } گەورەترە لەوەی فایلێکی وا دەبێت (زیاتر لە { $limit } بایت): { $what } نییە

## daleel team
cli-what-team-key = کلیلی تیمی پاشەکەوتکراو
cli-what-request = داواکاری
cli-what-certificate = بڕوانامە
cli-label-team = تیم:
cli-label-team-key = کلیلی تیم:
cli-label-role = ڕۆڵ:
cli-team-key-passphrase = وشەی نهێنیی کلیلی تیم:
cli-team-key-no-terminal = هیچ تێرمیناڵێک نییە بۆ نووسینی وشەی نهێنیی کلیلی تیم: بە --key-passphrase-file FILE بیدە
cli-team-restore-confirm = ئەم کلیلی تیمە بۆ ئەم لاپتۆپە بهێنرێت و وەک هەماهەنگکار بڕوانامەی پێ بدرێت؟
cli-team-name-missing = بە --name ناو لە تیمەکە بنێ (بۆ نموونە "CRC Mosul")
cli-team-init-confirm = تیمی "{ $team }" دروست بکرێت و ئەم لاپتۆپە یەکەم هەماهەنگکاری بێت؟ کلیلی تیم لەسەر ئەم لاپتۆپە دەمێنێتەوە؛ بە daleel team save-key کۆپییەکی هەڵبگرە.
cli-team-made = ئەم لاپتۆپە ({ $code }) هەماهەنگکاری تیمی "{ $team }"ە. پەنجەمۆری کلیلی تیم: { $key } (ئامێرە بەشداربووەکان بەراوردی دەکەن).
cli-whose-team-key = کلیلی تیمی پاشەکەوتکراو
cli-team-key-saved = کلیلی تیم نووسرا، بە وشەی نهێنییەکە شفرە کراوە. فایلەکە و وشەی نهێنییەکە جیا لە شوێنێکی پارێزراو هەڵبگرە: هەر کەسێک هەردووکیانی هەبێت دەتوانێت بڕوانامە بە ئامێر بدات بۆ ناو تیمەکە.
cli-team-request-written = داواکاریی { $code } نووسرا (پەنجەمۆر { $fingerprint }). بیبە بۆ هەماهەنگکار، و پەنجەمۆرەکە پێکەوە بەراورد بکەن.
cli-team-no-such-role = ڕۆڵی "{ $role }" نییە: یەکێک لەمانە بدە: { $roles }
cli-team-approve-sensitive = ، ڕێگەپێدراو بۆ خوێندنەوەی کەیسەکانی GBV و پاراستنی منداڵ
cli-team-approve-until = ، تا { $date }
cli-team-approve-confirm = بڕوانامە بە { $code } ({ $fingerprint }) دەدرێت وەک { $role } لە { $org }{ $terms }؟ سەرەتا پەنجەمۆرەکە لەگەڵ خاوەنی لاپتۆپەکە بەراورد بکە.
cli-team-certified = بڕوانامە بە { $code } درا وەک { $role } لە { $org }. بڕوانامەکە ببە بۆ ئەو لاپتۆپە: daleel team join { $file }
cli-team-join-confirm = بەشداری لە تیمی "{ $team }" دەکەیت؟ سەرەتا پەنجەمۆری کلیلی تیم لەگەڵ هەماهەنگکار بەراورد بکە.
cli-team-joined = ئەم لاپتۆپە ئێستا { $role }ە لە { $org } لە تیمی "{ $team }" (ئامێری زانراو: { $count }). بەستەکانی دەچن بۆ ئامێرەکانی تیم.
cli-team-no-such-device = هیچ ئامێرێکی تیم پەنجەمۆری { $fingerprint }ی نییە: سەیری daleel team list بکە
cli-team-revoke-nothing-held = ئەم لاپتۆپە هیچ گۆڕانکارییەکی ئەو ئامێرەی لا نییە: بە --after-seq N بڵێ لە دوای کام گۆڕانکاری گۆڕانکارییەکانی هەژمار ناکرێن (0: هیچیان هەژمار ناکرێت)
cli-team-revoke-confirm = { $code } ({ $fingerprint }) هەڵبوەشێنرێتەوە؟ گۆڕانکارییەکانی دوای ژمارە { $after } هیچ کاریگەرییان نابێت، لێرە و لە هەر لاپتۆپێک کە ئەمە پێی دەگات.
cli-team-revoked = { $code } دوای گۆڕانکاریی { $after } هەڵوەشێنرایەوە. هەڵوەشاندنەوەکە لە بەستەکانی داهاتووی ئەم لاپتۆپەدا دەڕوات.
cli-team-none = ئەم لاپتۆپە لە هیچ تیمێکدا نییە. هەماهەنگکار بە daleel team init تیمێک دروست دەکات؛ لاپتۆپێک بە daleel team request و daleel team join بەشداری دەکات.
cli-team-list-head = تیمی "{ $team }"، کلیل { $key }
cli-team-member = { $code } { $fingerprint } "{ $name }" { $role } { $org }
cli-team-sensitive = هەستیار
cli-team-until = تا { $date }
cli-team-this-laptop = (ئەم لاپتۆپە)
cli-standing-valid = کارا
cli-standing-expired = بەسەرچوو
cli-standing-revoked = هەڵوەشێنراوە دوای گۆڕانکاریی { $after }
cli-team-no-effect = گۆڕانکاریی هێڵراوە بێ کاریگەری: زیاتر لە ڕۆڵی ئامێرەکەیان { $beyond }، دوای هەڵوەشاندنەوە { $revoked } (daleel team changes).
cli-team-changes-none = هیچ گۆڕانکارییەک بێ کاریگەری نەهێڵراوەتەوە.
cli-team-change = { $code } گۆڕانکاریی { $seq }  { $reason }  { $record } { $kind } لەلایەن { $author } لە { $at }
cli-refusal-beyond-role = زیاتر لە ڕۆڵ
cli-refusal-revoked = هەڵوەشێنراوە

## daleel workers
cli-new-passphrase-no-terminal = هیچ تێرمیناڵێک نییە بۆ نووسینی وشەی نهێنیی نوێ: بە --new-passphrase-file FILE بیدە
cli-new-passphrase-of = وشەی نهێنیی نوێی { $whose } (لانیکەم { $min } پیت، بە ئاسانی نەزانرێت، پیشان نادرێت):
cli-new-passphrase = وشەی نهێنیی نوێ:
cli-new-passphrase-again = هەمان شت دووبارە:
cli-workers-current = (ئێستا کار دەکات)
cli-workers-added = { $name } ئێستا دەتوانێت بە وشەی نهێنیی خۆی دەلیل لەسەر ئەم لاپتۆپە بکاتەوە.
cli-workers-no-such = { $name } کارمەندی ئەم لاپتۆپە نییە: سەیری daleel workers list بکە
cli-workers-remove-confirm = { $names } لادەبرێن؟ وشەی نهێنییان چیتر دەلیل لێرە ناکاتەوە (گۆڕانکارییەکانیان ناوی خۆیانیان پێوە دەمێنێت). بنکەدراوەکە دووبارە بە کلیلێکی نوێ شفرە دەکرێت، کە لەگەڵ کەیسی زۆردا کاتی دەوێت.
cli-workers-removed = لابران: { $names } چیتر ناتوانن دەلیل لەسەر ئەم لاپتۆپە بکەنەوە. بنکەدراوەکە بە کلیلێکی نوێ شفرە کرا و فایلەکانی کلیلە کۆنەکە سڕانەوە؛ کۆپی یان پاشەکەوتێکی پێشتر هێشتا بە وشەی نهێنییان دەکرێتەوە.
cli-workers-passphrase-set = وشەی نهێنیی { $name } گۆڕا، و بنکەدراوەکە بە کلیلێکی نوێ شفرە کرا: وشە کۆنەکە هیچ لەم بوخچەی داتایە ناکاتەوە (کۆپی یان پاشەکەوتێکی پێشتر هێشتا پێی دەکرێتەوە).
cli-workers-kept-aside = تێبینی: { $folder } ئەو بنکەدراوەیەی تێدایە کە گەڕاندنەوەیەک جێی گرتەوە؛ دووبارە شفرە نەکراوە و هێشتا بە وشە نهێنییەکانی ئەو کاتە دەکرێتەوە: کاتێک پێویستت نەما بیسڕەوە.
cli-rekeyed = بنکەدراوەکە دووبارە شفرە کرا: { $all } بەها.
cli-rekeying = شفرەکردنی بنکەدراوە بە کلیلێکی نوێ: { $gauge } { $done } لە { $all } بەها

## daleel audit, backup, check, demo, erase
cli-audit-none = هیچ لە تۆماری چاودێریدا نییە.
cli-audit-none-for = هیچ لە تۆماری چاودێریدا بۆ { $code } نییە.
cli-backup-written = پاشەکەوت: { $file } ({ $bytes } بایت): خێزان { $households }، پێداویستی { $needs }، ڕەوانەکردن { $referrals }.
cli-backup-written-team-key = پاشەکەوت: { $file } ({ $bytes } بایت): خێزان { $households }، پێداویستی { $needs }، ڕەوانەکردن { $referrals }، و کلیلی تیم.
cli-backup-keep = گەڕاندنەوەی وشەی نهێنیی یەکێک لە کارمەندانی ئەم لاپتۆپەی پێویستە. دوور لە لاپتۆپەکە هەڵیبگرە (فلاشێک لە کەنتۆرێکی داخراودا).
cli-check-repaired = چاککرا: { $what }
cli-check-problem = کێشە: { $problem }
cli-check-whole = بنکەدراوەکە تەواوە: ئیندێکسەکان، تۆماری گۆڕانکارییەکان، داتاکان و تۆماری چاودێری وەک یەکن.
cli-check-problems = کێشە: { $count } (لە سەرەوە)
cli-check-problems-repair = کێشە: { $count } (لە سەرەوە): daleel check --repair ئەوەی دەتوانرێت دووبارە دەری دەهێنێتەوە
cli-demo-zero = --households دەبێت لانیکەم 1 بێت
cli-demo-making = دروستکردنی خێزانی تاقیکاری: { $done } لە { $all }
cli-demo-made = کەیسی تاقیکاری دروست کرا (تۆو { $seed }) لە { $seconds } چرکەدا: خێزان { $households }، پێداویستی { $needs }، ڕەوانەکردن { $referrals }، خزمەتگوزاری { $services }، ڕێکخراو { $organizations }.
cli-demo-note = ئەم بوخچەی داتایە ئێستا بنکەدراوەی تاقیکارییە: هەرگیز تێکەڵی داتای ڕاستەقینە نابێت.
cli-erase-no-such = هیچ خێزانێک کۆدی کەیسی { $code }ی نییە
cli-erase-already = { $code } پێشتر سڕاوەتەوە
cli-erase-confirm = { $code } بسڕدرێتەوە؟ ناوەکان، تەلەفۆن، گوند، وردەکاریی ئەندامان، وەڵامەکان و تێبینییەکانی لەم لاپتۆپە لادەبرێن، و لە هەر لاپتۆپێک کە ئەم سڕینەوەیە لەگەڵ بەستەکانی داهاتوو پێی دەگات؛ ژمارە بێناوەکان دەمێننەوە. پاشەکەوتەکانی پێش ئێستا تاقە کۆپیی ماوەن. ئەمە ناگەڕێتەوە.
cli-erased = { $code } سڕایەوە: خێزانەکە، پێداویستییەکان ({ $needs }) و ڕەوانەکردنەکان ({ $referrals }) تەنها ئەوەیان دەمێنێت کە دەیانژمێرێت؛ گۆڕانکارییەکانی تۆمار ({ $changes }) چیتر بەهاکانیان تێدا نییە. بەستەیەک بنێرە بۆ ئەوەی لاپتۆپەکانی تریش بیسڕنەوە.

## daleel export, gazetteer
cli-export-coordinators-only = { $flag } بۆ هەماهەنگکارانە: ئەم لاپتۆپە بڕوانامەی وەک { $role } هەیە
cli-export-sensitive-only = { $flag } بۆ ئەو ڕێکخەرانەیە کە بۆ کەیسەکانی توندوتیژی لەسەر بنەمای ڕەگەز و پاراستنی منداڵ پەسەند کراون: بڕوانامەی ئەم لاپتۆپە ئەمە ناڵێت (لە ڕێکخەری تیمەکە بپرسە)
cli-export-no-such = هەناردەکردنی "{ $table }" نییە: needs یان referrals یان services یان 4w بدە
cli-export-detail = --detail { $detail }: district بدە (بە بنەڕەت governorate)
cli-export-written = ڕیزەکان ({ $count }) لەگەڵ هاشتاگی HXL لە هێڵی دووەمدا نووسران: بێ ناو، ژمارەی تەلەفۆن، دەقی ئازاد یان کۆدی کەیس.
cli-export-written-codes = ڕیزەکان ({ $count }) لەگەڵ هاشتاگی HXL لە هێڵی دووەمدا نووسران: بێ ناو، ژمارەی تەلەفۆن یان دەقی ئازاد.
cli-period-missing = { $flag } نییە: ماوەکە وەک --since YYYY-MM-DD --until YYYY-MM-DD بدە (هەردوو ڕۆژەکە لەخۆدەگرێت)
cli-export-period-4w-only = ‏--since و --until بۆ export 4w ـن؛ needs و referrals و services بە تەواوی هەناردە دەکرێن
cli-export-4w-no-detail = export 4w نە --detail وەردەگرێت نە --with-case-codes: خەڵک دەژمێرێت، و کۆدی ئاستی کارگێڕی 1 و 2 و 3 ی تێدایە
cli-export-4w-written = خشتەی 4W لە { $since } تا { $until } نووسرا: { $count } چالاکی و کۆکانیان، لەگەڵ هاشتاگی HXL لە هێڵی دووەمدا؛ ژمارە بچووکەکان بەتاڵ جێهێڵران (بڕوانە ستوونی suppressed).
cli-gazetteer-too-large = { $file } لە { $limit } MiB گەورەترە: فایلی CSVی قەزا و ناحیەکان زۆر بچووکترە؛ دڵنیا بە کە فایلە ڕاستەکەیە
cli-gazetteer-not-utf8 = { $file } دەقی UTF-8 نییە: وەک CSV UTF-8 پاشەکەوتی بکە و دووبارە هەوڵ بدەرەوە
cli-gazetteer-refused = { $file }: { $error }؛ هیچ هاوردە نەکرا
cli-gazetteer-imported = قەزاکان ({ $districts }) و ناحیەکان ({ $subs }) لە { $file }ەوە هاوردە کران.

## daleel identity, referral
cli-identity-name-length = ناوی ئامێر 1 تا 60 پیتە، بۆ نموونە "CRC Mosul laptop 3"
cli-identity-no-name = (هێشتا بێ ناو: بە daleel identity --name NAME ناوێکی بۆ دابنێ)
cli-identity-name = ناو
cli-identity-code = کۆدی ئامێر
cli-identity-fingerprint = پەنجەمۆر
cli-identity-card-written = کارتی ناسنامەی { $code } نووسرا (پەنجەمۆر { $fingerprint }). هەر کەسێک هاوردەی دەکات دەبێت ئەم پەنجەمۆرە لەگەڵ تۆ بەراورد بکات.
cli-identity-age-key-written = ناسنامەی ageی { $code } نووسرا: هەموو ئەو بەستانە دەکاتەوە کە بۆ ئەم لاپتۆپە دەنێردرێن. وەک لاپتۆپەکە بیپارێزە، و کە تەواو بوو بیسڕەوە.
cli-referral-unknown-status = دۆخی نەزانراو { $status }؛ یەکێک لەمانە بەکاربهێنە: { $statuses }
cli-referral-overdue = دواکەوتوو
cli-referral-not-an-id = { $id } ناسنامەی ڕەوانەکردن نییە: سەیری daleel referral list بکە
cli-referral-unknown-outcome = ئەنجامی نەزانراو { $outcome }؛ successful یان یەکێک لەمانە بەکاربهێنە: { $outcomes }
cli-referral-no-draft = ڕەوانەکردن ناگەڕێتەوە بۆ ڕەشنووس
cli-referral-moved = ڕەوانەکردنەکە ئێستا: { $status }.
cli-referral-slip-not-an-id = "{ $id }" ناسنامەی ڕەوانەکردن نییە: یەکێک لە daleel referral list کۆپی بکە
cli-referral-slip-written = فۆڕمی ڕەوانەکردن نووسرا: چاپی بکە، یان بیدە بە دەزگای وەرگر.

## daleel report, restore, services
cli-report-not-a-date = { $flag } { $text } بەروار نییە: بە شێوەی YYYY-MM-DD بینووسە
cli-report-until-before-since = --until پێش --sinceە
cli-restore-backup-of = پاشەکەوتی لاپتۆپی { $device }، لە { $made } کراوە.
cli-restore-confirm = بنکەدراوەی ناو { $folder } بەم پاشەکەوتە جێگۆڕکێ بکرێت؟ بنکەدراوەی ئێستای ئەوێ لاوە هەڵدەگیرێت، ناسڕدرێتەوە.
cli-restore-needs-passphrase = گەڕاندنەوە وشەی نهێنیی کارمەندێکی لاپتۆپی پاشەکەوتکراوی پێویستە: --passphrase-file FILE یان DALEEL_PASSPHRASE (و --worker NAME ئەگەر زیاتر لە کارمەندێکی هەبوو)
cli-restore-passphrase = وشەی نهێنیی کارمەندێکی لاپتۆپی پاشەکەوتکراو:
cli-restore-progress = گەڕاندنەوە: { $count } تۆمار
cli-restored = پاشەکەوتی لاپتۆپی { $device } کە لە { $made } کرابوو گەڕێندرایەوە: خێزان { $households }، پێداویستی { $needs }، ڕەوانەکردن { $referrals }.
cli-restore-kept = ئەو بنکەدراوەیەی لێرە بوو لە { $folder } هەڵگیراوە: کە بنکەدراوە گەڕێندراوەکە پشکنرا ئەو بوخچەیە بسڕەوە.
cli-restore-new-identity = ئەم لاپتۆپە ناسنامەیەکی نوێی هەیە: کۆد { $code }، پەنجەمۆر { $fingerprint }. (ناسنامە کۆنەکەی، { $old }، هەرگیز دووبارە بەکارناهێنرێتەوە، تا هیچ ژمارەیەکی گۆڕانکاری دوو جار نەدرێت.)
cli-restore-whole = بنکەدراوە گەڕێندراوەکە تەواوە: ئیندێکسەکان، تۆماری گۆڕانکارییەکان، داتاکان و تۆماری چاودێری وەک یەکن.
cli-restore-team-certified = تیمی "{ $team }": ئەم لاپتۆپە بە کلیلی تیمی ناو پاشەکەوتەکە بڕوانامەی هەماهەنگکاری هەیە.
cli-restore-team-request = تیمی "{ $team }": ئەم لاپتۆپە بڕوانامەیەکی نوێی پێویستە. داواکارییەک بنووسە (daleel team request --out DRIVE) و با هەماهەنگکارێک پەسەندی بکات.
cli-restore-trust-again = ئەو لاپتۆپانەی ئەمە بەستەی لەگەڵ ئاڵوگۆڕ کردوون دەبێت متمانە بە ناسنامە نوێکەی بکەن: کارتەکەیان بدەرێ (daleel identity export --out DRIVE).
cli-restore-then = پاشان نوێترین بەستەکان لە لاپتۆپەکانی ترەوە هاوردە بکە: ئەوەی دوای پاشەکەوتەکە گۆڕاوە دەیگەڕێننەوە. ئەگەر لاپتۆپە کۆنەکە ون بوو یان دزرا، با هەماهەنگکارێک هەڵیبوەشێنێتەوە (daleel team revoke { $fingerprint }).
cli-restore-problems = کێشە لە بنکەدراوە گەڕێندراوەکەدا: { $count } (لە سەرەوە): daleel check --repair ئەوەی دەتوانرێت دووبارە دەری دەهێنێتەوە
cli-services-unknown-sector = کەرتی نەزانراو { $sector }؛ یەکێک لەمانە بەکاربهێنە: { $sectors }
cli-services-unknown-place = کۆدی شوێنی نەزانراو { $code }؛ P-codeی پارێزگایەک بەکاربهێنە وەک IQG15 (نەینەوا) یان IQG01 (ئەنبار)
cli-services-none = هیچ خزمەتگوزارییەک ناگونجێت. وشەی کەمتر تاقی بکەرەوە، یان --sector / --governorate لابە.
cli-services-sample = نموونە
cli-services-preview = زیادکراو { $added }، گۆڕاو { $changed }، نەگۆڕاو { $unchanged }، کێشە { $problems }
cli-services-new = نوێ: { $name }
cli-services-changed = گۆڕاو: { $name }
cli-services-strict = کێشە: { $count } (لە سەرەوە) و --strict: هیچ جێبەجێ نەکرا؛ فایلەکان ڕاست بکەرەوە و دووبارە هاوردە بکە
cli-services-nothing = هیچ شتێک بۆ گۆڕین نییە: ڕێبەرەکە پێشتر هەمووی تێدایە.
cli-services-confirm = تۆمارە نوێیەکان ({ $added }) و گۆڕاوەکان ({ $changed }) لە ڕێبەرەکەدا جێبەجێ بکرێن؟
cli-services-applied = تۆمارەکان جێبەجێ کران: { $count }؛ لەگەڵ بەستەکانی داهاتوو دەگەنە لاپتۆپەکانی تر.
cli-services-exported = ڕێکخراوەکان ({ $orgs }) و خزمەتگوزارییەکان ({ $services }) وەک فایلی خشتەیی HSDS 3.0 لە { $folder } نووسران.
cli-services-template-written = خشتەی خزمەتگوزارییەکان نووسرا: هێڵی دووەم هەر ستوونێک ڕوون دەکاتەوە. لە خشتەیەکدا دەستکاریی بکە، وەک CSV پاشەکەوتی بکە، و بە daleel services import هاوردەی بکە.

## Core errors as the command line says them in Arabic and Kurdish (src/cli/errors.rs).
cli-err-json = JSON نەنووسرا: { $error }
cli-err-not-empty = ئەم بنکەدراوەیە پێشتر خێزانی تێدایە ({ $count }): کەیسی تاقیکاری دەچێتە بوخچەیەکی داتای بەتاڵ (--data-dir بەکاربهێنە)
cli-err-real-records = ئەم بنکەدراوەیە تۆماری ڕاستەقینەی تێدایە: کەیسی تاقیکاری دەچێتە بوخچەیەکی داتای تایبەت بە خۆی (--data-dir بەکاربهێنە)
cli-err-log-gap = تۆماری گۆڕانکارییەکانی { $device } گۆڕانکاریی لە ژمارەی { $first } بەدواوە کەمە: هیچ نەنووسرا (daleel check زیاتر دەڵێت)
cli-err-not-trusted = هیچ ئامێرێکی متمانەپێکراو پەنجەمۆری { $fingerprint }ی نییە: سەیری daleel trust list بکە
cli-err-open-elsewhere = ئەم بنکەدراوەیە لە پەنجەرەیەکی تری دەلیلدا کراوەتەوە: سەرەتا ئەو پەنجەرەیە دابخە، یان --data-dirێکی تر بەکاربهێنە
cli-err-locked = ئەم بنکەدراوەیە لە پەنجەرەیەکی تری دەلیلدا کراوەتەوە ({ $folder }): سەرەتا ئەو پەنجەرەیە دابخە، یان --data-dirێکی تر بەکاربهێنە
cli-err-data-folder = بوخچەی داتای { $folder } بەکارناهێنرێت: { $error }؛ یان بە --data-dir بوخچەیەکی تر هەڵبژێرە
cli-err-needs-first-worker = بنکەدراوەی نوێ شفرە کراوە و یەکەم کارمەندی پێویستە: ناوێک (--worker NAME یان DALEEL_WORKER) و وشەیەکی نهێنیی لانیکەم { $min } پیتی بدە (--passphrase-file FILE یان DALEEL_PASSPHRASE)
cli-err-needs-passphrase = ئەم بنکەدراوەیە شفرە کراوە: وشەی نهێنییەکەت بدە (--passphrase-file FILE یان DALEEL_PASSPHRASE)، و ناوت (--worker NAME یان DALEEL_WORKER) ئەگەر لاپتۆپەکە زیاتر لە کارمەندێکی هەبێت
cli-err-which-worker = ئەم بنکەدراوەیە زیاتر لە کارمەندێکی هەیە: بڵێ تۆ کێیت (--worker NAME یان DALEEL_WORKER)
cli-err-old-slots = { $names }: وشەی نهێنییان لەلایەن وەشانێکی کۆنتری دەلیلەوە دانراوە، و بەبێ ئەو کلیلی داتای نوێیان پێ نادرێت. با هەر یەکەیان جارێک دەلیل لەسەر ئەم لاپتۆپە بکاتەوە (ئەوە نوێی دەکاتەوە)، پاشان ئەمە دووبارە بکەرەوە؛ کارمەندێک کە ڕۆیشتووە لە هەمان فەرماندا لادەبرێت (daleel workers remove NAME NAME...)
cli-err-no-team-yet = ئەم لاپتۆپە لە هیچ تیمێکدا نییە: بە daleel team init یەکێک دروست بکە
cli-err-no-org = ڕێکخراوی ئامێرەکە بدە (--org)
cli-err-nothing-held = ئەم لاپتۆپە هیچ گۆڕانکارییەکی ئەو ئامێرەی لا نییە: بە --after-seq N بڵێ لە دوای کام گۆڕانکاری گۆڕانکارییەکانی هەژمار ناکرێن (0: هەموویان)
cli-err-bundle-folder = { $folder } بوخچە نییە: بە --out ئەو بوخچەیەی فلاشەکە بدە کە بەستەکەی تێدا دەنووسرێت
cli-err-no-receiver = هیچ لاپتۆپێکی متمانەپێکراو ناتوانێت بەستە وەربگرێت: بەستەکان بۆ ئەو لاپتۆپانە شفرە دەکرێن کە ئەمە متمانەیان پێ دەکات؛ بە daleel trust add CARD یەکێک زیاد بکە (کارتێک کە ئەم وەشانەی دەلیل دروستی کردبێت)
cli-err-no-partner-device = هیچ ئامێرێکی هاوبەشی { $org } بڕوانامەی نییە: بە daleel team approve REQUEST --role partner --org "{ $org }" یەکێک پەسەند بکە
cli-err-sender-not-trusted = نێرەر { $code } ({ $fingerprint }) لەم لاپتۆپەدا متمانەی پێ نەکراوە: سەرەتا کارتی ناسنامەکەی هاوردە بکە (daleel trust add)
cli-err-not-a-backup = { $file } پاشەکەوتی دەلیل نییە: ئەو فایلە .{ $ext }ە هەڵبژێرە کە daleel backup نووسیویەتی
cli-err-config = فایلی ڕێکخستن { $file }، هێڵی { $line }: { $error }
cli-err-config-read = فایلی ڕێکخستنی { $file } نەخوێندرایەوە: { $error }
cli-err-no-such-file = { $file } نەخوێندرایەوە: فایلێکی وا نییە
cli-err-unreadable = { $file } نەخوێندرایەوە: { $error }
cli-err-directory-too-large = { $file } گەورەترە لەوەی فایلی ڕێبەر دەبێت (زۆرترین { $limit } MiB)
cli-err-directory-too-many-values = { $file } بەهای زیاترە لەوەی فایلی ڕێبەر دەتوانێت هەیبێت (زۆرترین { $limit }): دابەشی بکە، یان ڕێبەرەکە وەک فایلی CSV ی HSDS هەناردە بکە.
cli-err-too-many-rows = { $file } ڕیزی زیاترە لەوەی دەلیل لە یەک فایل دەیخوێنێتەوە (زۆرترین { $limit }): بیکە بە چەند فایلی بچووکتر و هەریەکەیان هاوردە بکە، یان دڵنیابە کە فایلە دروستەکەیە.
cli-err-no-header = { $file }: هێڵی یەکەمی سەردێڕی CSV نییە: { $error }
cli-err-csv = { $file }: { $error }
cli-err-hsds-not-a-folder = { $file } بوخچە نییە: ئەو بوخچەیە بدە کە services.csvی تێدایە
cli-err-hsds-no-services = { $file } services.csvی تێدا نییە: ڕێبەری HSDS نییە (خشتەی خزمەتگوزاری بە ناوی فایلەکە هاوردە دەکرێت)
cli-err-not-a-services-sheet = { $file } خشتەی خزمەتگوزاری نییە: سەردێڕەکەی ستوونی "organization" و "service"ی نییە (daleel services template یەکێک دەنووسێت)
cli-err-not-json = { $file } JSON نییە: { $error } (هێڵی { $line }، ستوونی { $column })
cli-err-no-service-object = { $file } هیچ بەرکارێکی خزمەتگوزاریی HSDSی تێدا نییە
cli-err-list-too-large = { $file } گەورەترە لەوەی لیستی تۆمارکردن دەبێت (زۆرترین { $limit } MiB)
cli-err-workbook = { $file } کتێبی خشتەیە، نەک CSV: لە Excel بیکەرەوە و File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)" هەڵبژێرە، و ئەو فایلە هاوردە بکە
cli-err-not-csv = { $file } فایلی CSV (.csv) نییە: لیستی تۆمارکردن وەک CSV هاوردە دەکرێت: لە خشتەیەکەوە، لە Excel بیکەرەوە و File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)" هەڵبژێرە؛ لە KoboToolbox یان ODKەوە، هەناردەی CSV دابگرە
cli-err-utf16 = { $file } وەک Unicode Text (UTF-16) پاشەکەوت کراوە: لە Excel بیکەرەوە و File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)" هەڵبژێرە، و ئەو فایلە هاوردە بکە
cli-err-binary = { $file } بایتی تێدایە کە دەق نین: ئایا فایلە ڕاستەکەیە؟
cli-err-damaged-utf8 = { $file }، هێڵی { $line }: پیتێکی ئەوێ تێکچووە (فایلەکە UTF-8ە بەڵام ئەو هێڵە نا): هێڵەکە ڕاست بکەرەوە، یان فایلەکە دووبارە وەک "CSV UTF-8" پاشەکەوت بکە، و دووبارە هاوردەی بکە
cli-err-encoding = { $file } نە دەقی UTF-8ە نە دەقی عەرەبیی Windows-1256: لە Excel بیکەرەوە و File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)" هەڵبژێرە (لە LibreOffice: Save As، Text CSV، کۆمەڵە پیتی Unicode (UTF-8))، و ئەو فایلە هاوردە بکە
cli-err-missing-column = { $file } ستوونی { $column }ی نییە
cli-err-ambiguous-column = { $file }: ستوونەکانی "{ $first }" و "{ $second }" هەردووکیان دەکرێت { $column } بن: لە نەخشەکەدا ئەوە دیاری بکە کە دەخوێندرێتەوە ([columns] { $column } = "...")
cli-err-map-unreadable = نەخشەی { $file } نەخوێندرایەوە: { $error }
cli-err-map-invalid = نەخشەی { $file }، هێڵی { $line }: { $error }
cli-err-by = بە پێی "{ $word }" کۆ ناکرێتەوە: sector، governorate، district، subdistrict و/یان org بدە، بە کۆما جیا کراوە
cli-err-gazetteer-column = ستوونی { $column } نییە: فایلی قەزاکان adm2_pcode، adm2_en، adm2_ar، adm1_pcodeی هەیە؛ فایلی ناحیەکان adm3_pcode، adm3_en، adm3_ar، adm2_pcodeی هەیە
cli-err-gazetteer-row = هێڵی { $line }، ستوونی { $column }: { $error }
cli-err-gazetteer-unreadable = فایلێکی CSV نییە کە ئەم پرۆگرامە بتوانێت بیخوێنێتەوە: { $error }
cli-err-gazetteer-empty = فایلەکە هیچ ڕیزێکی نییە: هیچ بۆ هاوردەکردن نییە
cli-gazetteer-unreadable-row = ڕیزی نەخوێندراو: { $error }
cli-gazetteer-elsewhere = { $district } لە { $parent }دایە، نەک { $governorate }
cli-gazetteer-unknown-governorate = کۆدی پارێزگای نەزانراو { $code }؛ سەرەتا پارێزگاکان هاوردە بکە یان کۆدەکە ڕاست بکەرەوە
cli-gazetteer-unknown-district = کۆدی قەزای نەزانراو { $code }؛ سەرەتا قەزاکان هاوردە بکە یان کۆدەکە ڕاست بکەرەوە
cli-gazetteer-not-inside = { $code } کۆدێک نییە لە ناو { $parent }: چاوەڕوان دەکرا { $parent }{ $marker } و دوو ژمارە
cli-gazetteer-no-english-name = { $code } ناوی ئینگلیزیی نییە
cli-gazetteer-twice = { $code } دوو جار بە دوو ناوی جیاواز هاتووە
## Screens right to left (issue 17): short dates, the clock, sizes
# The months' short names, for dates in lists ("28 Nov"); a language with no short
# names may write the whole name.
month-short-1 = کانوونی دووەم
month-short-2 = شوبات
month-short-3 = ئازار
month-short-4 = نیسان
month-short-5 = ئایار
month-short-6 = حوزەیران
month-short-7 = تەممووز
month-short-8 = ئاب
month-short-9 = ئەیلوول
month-short-10 = تشرینی یەکەم
month-short-11 = تشرینی دووەم
month-short-12 = کانوونی یەکەم
# A date in a list: $day is a number, $month a short name above.
date-short = { $day } { $month }
# The days of the week, Monday first, as the clock in the status line names them.
weekday-1 = دووشەممە
weekday-2 = سێشەممە
weekday-3 = چوارشەممە
weekday-4 = پێنجشەممە
weekday-5 = هەینی
weekday-6 = شەممە
weekday-7 = یەکشەممە
# The clock in the status line: "Sun 29 Nov 11:00".
clock = { $weekday } { $day } { $month } { $time }
# A bundle's size on the Sync screen.
sync-size-kib = { $size } کیلۆبایت

# issue 18: what an HSDS import does not keep, and the directory's sample
cli-services-not-kept = ناپارێزرێت (دەلیل خانەی بۆی نییە؛ لە فایلەکاندا دەمێنێتەوە):
cli-services-not-kept-column = { $file }، ستوونی { $column }: { $count ->
        [one] یەک بەها
       *[other] { $count } بەها
    }
cli-services-not-kept-file = { $file }: { $count ->
        [one] یەک ڕیز
       *[other] { $count } ڕیز
    } (هەموو خشتەکە)
cli-stats-sample-some = ({ $count } دانەیان لە ڕێبەری نموونەی ناو دەلیلن، هەرگیز هەناردە ناکرێن)
detail-extension = ناوخۆیی
detail-email = ئیمەیڵ
detail-web = ماڵپەڕ
