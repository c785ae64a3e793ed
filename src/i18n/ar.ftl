# Daleel's Arabic messages (Project Fluent syntax), translated from en.ftl: same ids, same
# order, same placeables. Plurals use the CLDR categories for Arabic (one, two, few, many, other).

## The frame
app-name = دليل
status-overdue = { $count } متأخرة
status-sample = بيانات نموذجية
status-demo = بيانات للعرض
status-no-worker = لم يُختر عامل (F8)
too-small = يحتاج دليل إلى { $width }x{ $height } على الأقل (الآن { $now_width }x{ $now_height }). كبّر النافذة.

## Keys (footer and help)
key-help = مساعدة
key-intake = تسجيل
key-services = خدمات
key-referrals = إحالات
key-queue = مهام
key-sync = مزامنة
key-worker = العامل
key-menu = إجراءات
key-quit = خروج
key-next-field = الحقل التالي
key-prev-field = الحقل السابق
key-save = حفظ
key-next-step = الخطوة التالية
key-prev-step = الخطوة السابقة
key-toggle = تأشير / تغيير
key-add = إضافة
key-remove = حذف
key-back = رجوع
key-up = أعلى
key-down = أسفل
key-left = يسار
key-right = يمين
key-page-up = صفحة لأعلى
key-page-down = صفحة لأسفل
key-home = الأول
key-end = الأخير
key-open = فتح
key-search = بحث
key-new = جديد
key-next-problem = المشكلة التالية
key-clear = مسح الحقل

## Forms
form-choose = (اختر)
form-picker-title = اكتب أو ↑↓، Enter للاختيار
form-picker-none = لا توجد نتائج مطابقة
form-date-format = سنة-شهر-يوم
filter-all = الكل
field-cut = كان النص أطول مما يتسع له هذا الحقل فقُطع عند حدّه.
prompt-keys = Tab التالي · Ctrl+S حفظ · Esc إلغاء
confirm-title = هل أنت متأكد؟
confirm-keys = Enter: نعم · Esc: لا، رجوع
notice-keys = Enter: موافق
answer-yes = نعم
answer-no = لا
saved = تم الحفظ.

## Tabs
tab-help = مساعدة
tab-intake = التسجيل
tab-services = الخدمات
tab-referrals = الإحالات
tab-queue = المهام
tab-sync = المزامنة

## Values
sex-female = أنثى
sex-male = ذكر
displacement-idp-in-camp = نازح داخل المخيم
displacement-idp-out-of-camp = نازح خارج المخيم
displacement-returnee = عائد
displacement-host-community = مجتمع مضيف
displacement-refugee = لاجئ
sector-protection = الحماية
sector-child-protection = حماية الطفل
sector-gbv = GBV
sector-hlp = السكن والأراضي والممتلكات
sector-civil-documentation = الوثائق المدنية
sector-health = الصحة
sector-mhpss = MHPSS
sector-shelter-nfi = المأوى / NFI
sector-wash = WASH
sector-food-security = الأمن الغذائي
sector-livelihoods = سبل العيش
sector-education = التعليم
sector-cash = الدعم النقدي
sector-camp-coordination = تنسيق المخيمات
sector-other = أخرى
priority-emergency = طارئة
priority-urgent = عاجلة
priority-normal = عادية
need-status-open = مفتوح
need-status-referred = مُحال
need-status-met = مُلبّى
need-status-closed-unmet = مغلق، غير مُلبّى
referral-status-draft = مسودة
referral-status-sent = مُرسلة
referral-status-accepted = مقبولة
referral-status-rejected = مرفوضة
referral-status-completed = مكتملة
referral-status-closed = مغلقة
referral-status-cancelled = ملغاة
closure-services-received = تلقّت الخدمات
closure-moved-away = غادرت المنطقة
closure-unreachable = تعذّر التواصل معها
closure-duplicate = مكررة مع حالة أخرى
closure-other = أخرى
not-successful-client-refused = رفض المستفيد
not-successful-lack-of-capacity = عدم توفر القدرة
not-successful-no-longer-needed = لم تعد الخدمة مطلوبة
not-successful-client-unreachable = تعذّر الوصول إلى المستفيد
not-successful-organization-unreachable = تعذّر الوصول إلى المنظمة
not-successful-other = أخرى (وضّح)
disclosed-head-name = اسم ربّ الأسرة
disclosed-phone = رقم الهاتف
disclosed-location = الموقع والقرية
disclosed-members = أفراد الأسرة
disclosed-vulnerabilities = أوجه الضعف
disclosed-need-description = الاحتياج المطلوب
wg-not-asked = (لم يُسأل)
wg-no-difficulty = لا صعوبة
wg-some = بعض الصعوبة
wg-a-lot = صعوبة كبيرة
wg-cannot-do = لا يستطيع أبدًا
wg-seeing = الرؤية
wg-hearing = السمع
wg-walking = المشي
wg-remembering = التذكّر
wg-self-care = العناية بالنفس
wg-communicating = التواصل
doc-national-id = مفقودة: البطاقة الوطنية
doc-civil-status-id = مفقودة: هوية الأحوال المدنية
doc-birth-certificate = مفقودة: شهادة الميلاد
doc-nationality-certificate = مفقودة: شهادة الجنسية
vuln-female-headed = تعيلها امرأة
vuln-older-person-alone = مسنّ وحيد
vuln-separated-child = طفل منفصل عن ذويه
vuln-chronic-illness = مرض مزمن
vuln-pregnant-or-lactating = حامل / مرضع
vuln-missing-documents = وثائق مفقودة
vuln-disability = إعاقة
span-hours = { $count ->
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $count } ساعات
    [many] { $count } ساعة
   *[other] { $count } ساعة
}
span-days = { $count ->
    [one] يوم واحد
    [two] يومان
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}
late = متأخرة: { $span }
due-on = الموعد { $date }

## Intake
lookup-label = ابحث عن أسرة (الاسم أو رمز الحالة أو الهاتف):
lookup-loading = جارٍ تحميل الأسر…
lookup-hint = عدد الأسر: { $count }. اكتب للبحث؛ Ctrl+N لتسجيل أسرة جديدة.
lookup-found = { $count ->
    [one] وُجدت أسرة واحدة. Enter يفتحها.
    [two] وُجدت أسرتان. Enter يفتح المحددة.
    [few] وُجدت { $count } أسر. Enter يفتح المحددة.
    [many] وُجدت { $count } أسرة. Enter يفتح المحددة.
   *[other] وُجدت { $count } أسرة. Enter يفتح المحددة.
}
case-closed = مغلقة
intake-new-title = أسرة جديدة
intake-edit-title = الأسرة { $code }
intake-step = الخطوة { $n } من 3: { $name }
step-who = من وأين
step-consent = الموافقة
step-needs = الاحتياجات
intake-unsaved = لم تُحفظ بعد
intake-box-head = ربّ الأسرة
intake-box-location = الموقع
intake-box-vulnerabilities = أوجه الضعف (Space للتأشير)
intake-name = الاسم
intake-latin = باللاتينية
intake-sex = الجنس
intake-born = سنة الميلاد
intake-phone = الهاتف
intake-governorate = المحافظة
intake-district = القضاء
intake-district-none = (غير معروف)
intake-district-choose-governorate = اختر المحافظة أولًا: تظهر أقضيتها بعدها.
intake-district-none-loaded = لا توجد أقضية محمّلة على هذا الحاسوب. يحمّلها المنسق من الحدود الإدارية للعراق (COD-AB) من موقع HDX https://data.humdata.org، كما يشرح دليل المنسق في قسم «الأقضية».
intake-district-none-here = لا يوجد قضاء محمّل لهذه المحافظة على هذا الحاسوب: يضيفها المنسق من الحدود الإدارية (COD-AB) من موقع HDX https://data.humdata.org، كما يشرح دليل المنسق في قسم «الأقضية».
intake-size = عدد أفراد الأسرة
intake-village = القرية
intake-displacement = الوضع
intake-returned-on = تاريخ العودة
intake-female-headed = تعيلها امرأة
intake-members = الأفراد ({ $count })
intake-members-keys = Ins إضافة · Enter تعديل · Del حذف
intake-members-none = لا يوجد أفراد آخرون بعد.
intake-duplicates = ربما سُجّلت من قبل ({ $count }): { $list }. F9 للفتح.
member-relationship = صلة القرابة
member-add-title = إضافة فرد
member-edit-title = تعديل فرد
consent-intro = اطرح كل سؤال بكلمات بسيطة وسجّل الجواب الذي تعطيه الأسرة.
consent-services-question = هل تسمحون لنا بإحالتكم إلى منظمات يمكنها مساعدتكم في احتياجاتكم؟
consent-disclosure-question = هل تسمحون لنا بمشاركة اسمكم ورقم هاتفكم واحتياجاتكم مع المنظمة التي نحيلكم إليها؟
consent-follow-up-question = هل تسمحون لنا بالتواصل معكم مرة أخرى لنسأل عن نتيجة الإحالة؟
consent-services = الإحالة إلى الخدمات
consent-disclosure = مشاركة البيانات
consent-follow-up = التواصل للمتابعة
consent-recorded = سجّل الموافقة { $by } في { $at }.
needs-intro = Ins يضيف احتياجًا. Enter على احتياج محفوظ: إحالته إلى خدمة، أو تعديله، أو تعليمه كمُلبّى.
needs-none = لم تُسجَّل احتياجات بعد.
needs-referrals = { $count ->
    [one] إحالة واحدة
    [two] إحالتان
    [few] { $count } إحالات
    [many] { $count } إحالة
   *[other] { $count } إحالة
}
need-unsaved = غير محفوظ
col-sector = القطاع
col-priority = الأولوية
col-status = الوضع
col-need = الاحتياج
col-due = الموعد
col-case = الحالة
col-to = إلى
col-late = التأخير
need-add-title = إضافة احتياج
need-edit-title = تعديل احتياج
need-sector = القطاع
need-priority = الأولوية
need-description = ما المطلوب
need-member = لمن
need-whole-household = الأسرة كلها
need-for-head = { $name } (ربّ الأسرة)
need-for-head-unnamed = ربّ الأسرة
save-problems = { $count ->
    [one] أمر واحد يجب تصحيحه قبل الحفظ: انظر القائمة تحت النموذج
    [two] أمران يجب تصحيحهما قبل الحفظ: انظر القائمة تحت النموذج، F7 ينتقل إلى كل منهما
    [few] { $count } أمور يجب تصحيحها قبل الحفظ: انظر القائمة تحت النموذج، F7 ينتقل إلى كل منها
    [many] { $count } أمرًا يجب تصحيحها قبل الحفظ: انظر القائمة تحت النموذج، F7 ينتقل إلى كل منها
   *[other] { $count } أمر يجب تصحيحها قبل الحفظ: انظر القائمة تحت النموذج، F7 ينتقل إلى كل منها
}
problems-title = { $count ->
    [one] أمر واحد يجب تصحيحه قبل الحفظ · F7 ينتقل إليه
    [two] أمران يجب تصحيحهما قبل الحفظ · F7 ينتقل إلى التالي
    [few] { $count } أمور يجب تصحيحها قبل الحفظ · F7 ينتقل إلى التالي
    [many] { $count } أمرًا يجب تصحيحها قبل الحفظ · F7 ينتقل إلى التالي
   *[other] { $count } أمر يجب تصحيحها قبل الحفظ · F7 ينتقل إلى التالي
}
problems-line = الخطوة { $step } · { $what }
problems-step = الخطوة { $step } · للتصحيح { $count }: { $list }
problems-none = لا شيء يحتاج إلى تصحيح: Ctrl+S للحفظ.
problem-size-number = اكتب عدد من يعيشون في الأسرة رقمًا، مثل 6، أو اتركه فارغًا.
problem-size-range = اكتب رقمًا من 1 إلى { $max }، أو اتركه فارغًا.
problem-size-listed = المسجَّلون { $listed } (ربّ الأسرة والأفراد): لا يقل عدد أفراد الأسرة عن ذلك.
saved-title = تم الحفظ
saved-household = تم الحفظ: { $code }
saved-write-down = اكتب رمز الحالة هذا على بطاقة الأسرة.
saved-next = في الخطوة 3 (الاحتياجات)، Enter على احتياج يحيله إلى خدمة.
problem-year-number = اكتب سنة الميلاد بالأرقام، مثل 1984.
problem-year-range = اكتب سنة ميلاد من { $from } إلى { $to }.
problem-phone-digits = استخدم الأرقام فقط (يُسمح بالمسافات و + و -).
problem-phone-length = رقم الهاتف من 7 إلى 15 رقمًا: تحقق منه، أو اتركه فارغًا.
problem-choose-governorate = اختر المحافظة.
problem-date-future = تاريخ العودة في المستقبل: تحقق منه.
problem-choose-displacement = اختر وضع النزوح للأسرة.
problem-date-format = اكتب التاريخ بصيغة سنة-شهر-يوم، مثل 2018-03-14.
problem-consent-answer = اطرح هذا السؤال وسجّل الجواب (نعم أو لا).
problem-member = الفرد { $n }: { $message }
problem-need = الاحتياج { $n }: { $message }
problem-name = اكتب الاسم كما يذكره الشخص.
problem-choose-sector = اختر القطاع.
problem-need-description = اذكر المطلوب ببضع كلمات.
problem-reason = اذكر السبب ببضع كلمات.
problem-note = اكتب الملاحظة.
problem-no-move = لا يمكن نقل الإحالة إلى هذا الوضع.
problem-close-reason = اختر سبب إغلاق الحالة.
problem-duplicate-of = اكتب رمز حالة الأسرة التي تبقى (يجب أن يكون موجودًا).
close-title = إغلاق هذه الحالة
close-intro = تبقى الحالة المغلقة في السجلات. في حالة التكرار، أدخل رمز حالة الأسرة التي تبقى.
close-reason = السبب
close-duplicate-of = مكررة مع الحالة
case-closed-saved = أُغلقت الحالة.
close-save-first = احفظ تغييراتك أو تراجع عنها أولًا (Ctrl+S)، ثم أغلق الحالة.
need-saved-not-removed = لا يُحذف الاحتياج المحفوظ: افتحه (Enter) لتعليمه كمُلبّى أو مغلق.
prompt-esc-again = كتبتَ في هذا النموذج: اضغط Esc مرة أخرى لإغلاقه دون حفظ، أو Ctrl+S للحفظ.
refer-save-first = احفظ الأسرة أولًا (Ctrl+S)، ثم أحِل احتياجاتها.
refer-no-consent = لم توافق هذه الأسرة على الإحالة: سجّل موافقتها (الخطوة 2) أولًا.
worker-needed = اختر من يعمل أولًا (F8).

## Services
services-search = بحث
services-sector = القطاع
services-area = المنطقة
services-count = { $count ->
    [one] خدمة واحدة
    [two] خدمتان
    [few] { $count } خدمات
    [many] { $count } خدمة
   *[other] { $count } خدمة
}
services-none = لا توجد خدمة مطابقة. امسح البحث أو عوامل التصفية.
services-loading = جارٍ تحميل الدليل…
services-referring = إحالة { $code } (Enter على خدمة، Esc للإيقاف): { $need }
services-sample-note = بيانات نموذجية: ليست خدمة أو جهة اتصال حقيقية.
service-inactive = غير نشطة
service-inactive-note = هذه الخدمة غير نشطة حاليًا.
detail-who = لمن
detail-where = أين
detail-hours = الدوام
detail-phone = الهاتف
detail-refer = الإحالة
detail-next = بعد ذلك
detail-documents = الوثائق
detail-languages = اللغات
detail-fees = الرسوم
detail-free = مجانًا
detail-areas = المناطق
detail-focal = نقطة الاتصال
draft-title = إحالة إلى { $service }
draft-intro = أشّر فقط على ما وافقت الأسرة على مشاركته. Ctrl+S للحفظ.
draft-intro-no-disclosure = لم توافق الأسرة على مشاركة بياناتها: لن يُكشف أي شيء شخصي. Ctrl+S للحفظ.
draft-reason = السبب
draft-follow-up = المتابعة في
draft-send = عند الحفظ
draft-send-now = إرسال الآن
draft-keep = إبقاؤها مسودة
referral-sent = أُرسلت الإحالة إلى { $org }.
referral-drafted = حُفظت الإحالة كمسودة.
referral-kept-draft = حُفظت كمسودة ولم تُرسل: { $error }

## Referrals
referrals-status = الوضع
referrals-org = إلى
referrals-priority = الأولوية
referrals-overdue = متأخرة
referrals-shown = المعروض: { $count }
referrals-none = لا توجد إحالة تطابق عوامل التصفية هذه.
history-created = أُنشئت (مسودة)
history-note = ملاحظة
outcome-successful = ناجحة
outcome-not-successful = غير ناجحة
follow-up-by = المتابعة بحلول { $date }.
answer-due = الرد مطلوب بحلول { $date }.
follow-up-was = كانت المتابعة في { $date }
referral-actions-hint = Enter: الإجراءات
move-title = تغيير الوضع إلى: { $status }
move-intro-rejected = اذكر لماذا لم تتمكن المنظمة من قبول هذه الإحالة.
move-intro-completed = سجّل كيف انتهت. "أخرى" تتطلب ذكر السبب بالكلمات.
move-intro-closed = إغلاق إحالة مقبولة لم تكتمل يتطلب ذكر السبب.
move-outcome = النتيجة
move-reason = السبب
move-note = ملاحظة
note-title = إضافة ملاحظة متابعة
follow-up-title = تاريخ المتابعة
follow-up-intro = تاريخ مراجعة هذه الإحالة (سنة-شهر-يوم)؛ تركه فارغًا يمسحه.
moved = أصبح وضع الإحالة الآن: { $status }.

## Queue
queue-awaiting = بانتظار الرد: { $count } ({ $overdue } متأخرة)
queue-past-follow-up = مقبولة وتجاوزت تاريخ المتابعة: { $count }
queue-rejected = مرفوضة وتحتاج خدمة أخرى: { $count }
queue-unreferred = احتياجات دون إحالة: طارئة { $emergency }، عاجلة { $urgent }، عادية { $normal }
queue-duplicates = أسر مكررة على الأرجح: { $count }
queue-due-erasure = مستحقة للمحو (أُغلقت قبل أكثر من { $months } شهرًا): { $count }
queue-due-erasure-row = { $code } أُغلقت في { $date }
queue-awaiting-short = بانتظار الرد
queue-overdue-paren = ({ $count } متأخرة)
queue-past-follow-up-short = تجاوزت المتابعة
queue-rejected-short = مرفوضة
queue-unreferred-short = احتياجات دون إحالة:
queue-unreferred-counts = طارئة { $emergency }، عاجلة { $urgent }، عادية { $normal }
queue-duplicates-short = التكرارات
queue-conflicts = تعارضات: { $count } (غيّر حاسوبان الشيء نفسه؛ تظهر علامة *؛ Enter لحسمه)
queue-conflicts-short = التعارضات
conflict-keep = إبقاء "{ $value }" ({ $who }، { $when })
conflict-type = كتابة قيمة جديدة…
conflict-type-intro = القيمة المكتوبة هنا تحل محل كل القيم المعروضة، على كل حاسوب، مع المزامنة التالية.
conflict-value = القيمة الجديدة
conflict-resolved = حُسم التعارض: تنتقل القيمة المُبقاة إلى الحواسيب الأخرى مع المزامنة التالية.
chart-by-sector = الإحالات المفتوحة حسب القطاع
chart-by-org = حسب المنظمة
chart-by-governorate = حسب المحافظة
chart-weekly = المُرسلة: 12 أسبوعًا
chart-empty = لا شيء بعد

## Menus
menu-title = الإجراءات
menu-help = مساعدة
menu-new-household = أسرة جديدة
menu-open-household = فتح { $code }
menu-save = حفظ (Ctrl+S)
menu-add-member = إضافة فرد
menu-add-need = إضافة احتياج
menu-edit-need = تعديل هذا الاحتياج
menu-refer = إحالة هذا الاحتياج إلى خدمة
menu-need-met = تعليم هذا الاحتياج كمُلبّى
menu-need-unmet = إغلاق هذا الاحتياج دون تلبيته
menu-close-case = إغلاق هذه الحالة
menu-open-duplicate = فتح { $code } (تكرار محتمل)
menu-leave = مغادرة هذه الأسرة
menu-refer-here = الإحالة إلى هذه الخدمة
menu-cancel-referring = إيقاف الإحالة
menu-move-sent = إرسال
menu-move-accepted = قبلتها المنظمة
menu-move-rejected = رفضتها المنظمة…
menu-move-completed = اكتملت…
menu-move-closed = إغلاق…
menu-move-cancelled = إلغاء…
menu-note = إضافة ملاحظة متابعة…
menu-follow-up = تحديد تاريخ المتابعة…
menu-open-case = فتح الأسرة
worker-switch-encrypted = تعمل باسم من فتح قفل دليل: ليعمل عامل آخر يخرج (F10) ثم يفتحه باسمه.
workers-title = العاملون: { $list }
menu-add-worker = إضافة عامل (بعبارة مرور خاصة به)…
menu-worker-passphrase = تغيير عبارة مرور عامل…
menu-remove-worker = إزالة عامل…
add-worker-title = إضافة عامل
add-worker-intro = يفتح دليل على هذا الحاسوب باسمه وبعبارة المرور هذه. لا يمكن استعادة عبارة مرور منسية.
worker-passphrase-title = تغيير عبارة مرور
remove-worker-title = إزالة عامل
remove-worker-intro = لن تفتح عبارة مروره دليل هنا بعد الآن؛ وتبقى تغييراته باسمه.
worker-name = الاسم
worker-passphrase = عبارة المرور
worker-again = تأكيدها
problem-worker-name = اكتب اسم العامل.
passphrase-refused = عبارة المرور هذه سهلة التخمين: { $reason } { $advice }
passphrase-weak-short = فيها أقل من { $min } أحرف.
passphrase-weak-common = إنها من كلمات المرور التي تجرّبها أدوات التخمين أولاً.
passphrase-weak-name = إنها مبنية على اسمك أو على كلمة "Daleel"، وهذا أول ما تجرّبه أدوات التخمين.
passphrase-weak-repeated = تكرار الأحرف أو المقاطع، مثل "aaaa" أو "abcabc"، سهل التخمين.
passphrase-weak-sequence = التسلسلات مثل "abcd" أو "6543" سهلة التخمين.
passphrase-weak-keyboard = صفوف المفاتيح المتجاورة، مثل "qwerty" أو "asdf"، سهلة التخمين.
passphrase-weak-date = التواريخ والسنوات سهلة التخمين.
passphrase-weak-word = الكلمة الواحدة أو الاسم الواحد سهل التخمين، حتى لو أُضيفت إليه أرقام أو رموز.
passphrase-weak-guessable = يمكن تخمينها بسرعة كبيرة.
passphrase-stronger = الأقوى: ثلاث أو أربع كلمات عادية لا علاقة بينها، تفصل بينها مسافات (الطول هو ما يجعل العبارة قوية، لا الرموز).
problem-passphrase-differs = عبارتا المرور مختلفتان.
workers-setting = جارٍ تعيين عبارة المرور…
worker-added = يستطيع { $name } الآن فتح دليل هنا بعبارة المرور الخاصة به.
worker-passphrase-set = تم تغيير عبارة مرور { $name }.
worker-removed = لم يعد بإمكان { $name } فتح دليل هنا.
rekey-intro = ثم تُشفَّر قاعدة البيانات من جديد بمفتاح جديد، فلا تفتح عبارة المرور القديمة شيئاً هنا: يستغرق هذا بعض الوقت إذا كانت الحالات كثيرة.
rekey-title = تشفير قاعدة البيانات بمفتاح جديد
rekey-progress = { $done } من { $all } قيمة
rekey-wait = يرجى الانتظار. إذا توقف الحاسوب رغم ذلك فلن يضيع شيء: يُكمل دليل هذا أو يتراجع عنه عند فتحه التالي.
rekey-done = قاعدة البيانات مشفّرة الآن بمفتاح جديد، وحُذفت الملفات المشفّرة بالمفتاح القديم.
rekey-unsaved = احفظ الأسرة التي تحرّرها أو أغلقها أولاً: تُغلق الشاشات وتُفتح من جديد لهذا.
rekey-busy = انتظر أولاً حتى ينتهي العمل في شاشة المزامنة.
lock-title = أُقفل بعد فترة دون ضغط أي مفتاح
lock-who = { $worker }: اكتب عبارة المرور واضغط Enter. ما كنت تكتبه محفوظ.
lock-passphrase = عبارة المرور:
lock-checking = جارٍ التحقق…
lock-hint = لا يظهر شيء حتى تُكتب عبارة المرور.
lock-wrong = عبارة المرور هذه لا تفتحه: حاول مرة أخرى.
menu-audit = من فتح هذه الأسرة أو غيّرها
menu-erase = محو هذه الأسرة (عند الطلب)…
erase-confirm = محو { $code }؟ ستُزال الأسماء والهاتف والقرية وبيانات الأفراد والملاحظات من هذا الحاسوب، ومن كل حاسوب تصله الحزم التالية. تبقى الأعداد. لا يمكن التراجع عن ذلك.
erased = مُحيت { $code }. أرسل حزمة كي تمحوها الحواسيب الأخرى أيضًا.
audit-title = سجل التدقيق: { $count ->
    [one] إدخال واحد
    [two] إدخالان
    [few] { $count } إدخالات
    [many] { $count } إدخالًا
   *[other] { $count } إدخال
}، الأحدث أولًا
audit-view = فُتحت
audit-change = عُدّلت
audit-bundle = أُرسلت في حزمة
audit-import = استُوردت
audit-export = صُدّرت
audit-backup = نُسخت احتياطيًا
audit-erase = مُحيت
audit-restore = استُعيدت من نسخة احتياطية
audit-age-key = كُتب مفتاح age
audit-worker-add = أُضيف عامل
audit-worker-remove = أُزيل عامل
audit-passphrase = عُيّنت عبارة مرور
audit-trust-add = وُثق بحاسوب
audit-trust-remove = أُلغيت الثقة بحاسوب
audit-team-init = أُنشئ فريق
audit-team-approve = اعتُمد حاسوب
audit-team-revoke = أُبطل حاسوب
audit-team-join = انضم إلى فريق
audit-team-save-key = حُفظ مفتاح الفريق
audit-services-import = استُوردت خدمات
audit-rollback = أُعيدت قاعدة البيانات إلى نسخة سابقة (سُجّل ذلك)
audit-break = عُدّل سجل التدقيق (سُجّل ذلك)
audit-households-import = استُوردت أسر
passphrase-reset-title = أُعيد تعيين عبارة مرورك
passphrase-was-reset = أعاد { $by } تعيين عبارة مرورك في { $date }.
passphrase-reset-next = إن لم تطلب ذلك، فأخبر المنسق.
confirm-quit-unsaved = الأسرة التي تسجّلها غير محفوظة. هل تخرج وتفقدها؟
confirm-quit-typed = ما كتبته في هذا النموذج غير محفوظ. هل تخرج وتفقده؟
confirm-discard = مغادرة هذه الأسرة دون حفظ ما غيّرته؟

## Worker
worker-title = من يعمل الآن؟
worker-intro = يُسجَّل اسمك على كل تغيير تجريه.
worker-new = اسم جديد
worker-keys = ↑↓ اختيار · Enter تحديد · Tab كتابة اسم جديد · Esc إلغاء
worker-keys-first = اكتب اسمك واضغط Enter.
worker-empty = اكتب اسمًا أولًا.
worker-set = يعمل الآن: { $name }

## Errors
error-load = تعذّر تحميل القوائم: { $error }
error-save = لم يُحفظ: { $error }
error-household-gone = هذه الأسرة غير موجودة في قاعدة البيانات هذه.
error-need-gone = هذا الاحتياج لم يعد موجودًا في قاعدة البيانات هذه.
error-service-gone = هذه الخدمة لم تعد موجودة في دليل الخدمات.

## Help
help-title = دليل: المفاتيح والشاشات. ↑↓ PgUp PgDn Home End للتمرير، Esc للرجوع.
help-keys-everywhere = في كل مكان
help-keys-forms = في النموذج
help-keys-lists = في القائمة
help-arabic-layout = مع لوحة المفاتيح العربية: مفاتيح F و Ctrl والأسهم و Tab و Enter و Esc تعمل كما هي؛ المفتاح ? هو أيضًا ؟ والمفتاح / هو أيضًا ظ؛ والأرقام العربية الهندية تُحسب أرقامًا. في قائمة الإجراءات (F9)، تختار الأرقام عنصرًا.
help-intake-title = التسجيل (F2)
help-intake = ابحث عن أسرة بالاسم (بأي تهجئة، عربية أو لاتينية) أو رمز الحالة أو الهاتف، أو سجّل أسرة جديدة (Ctrl+N) في ثلاث خطوات: من وأين، الموافقة، الاحتياجات. تظهر التكرارات المحتملة أثناء الكتابة. يتحقق Ctrl+S من كل شيء، وينقلك إلى أول مشكلة، ثم يحفظ؛ ويُعرض رمز الحالة بخط كبير لتدوّنه. ما يجب تصحيحه مذكور تحت النموذج مع خطوته، وحقله معلَّم بـ !؛ وينقلك F7 (أو Ctrl+E) إلى التالي. في القائمة المنسدلة، ↑↓ أو Enter تفتح القائمة وEnter يختار؛ Ctrl+U يمسح الحقل؛ والنص الملصق من عدة أسطر يبقى في حقله.
help-services-title = الخدمات (F3)
help-services = دليل الخدمات. اكتب للبحث؛ Tab ينتقل إلى عوامل تصفية القطاع والمنطقة. أثناء إحالة احتياج، Enter على خدمة ينشئ مسودة الإحالة.
help-referrals-title = الإحالات (F4)
help-referrals = كل الإحالات، الأقرب موعدًا أولًا. البحث (/ أو Ctrl+F) يبحث عن كلمات أو رمز حالة في رمز الحالة والاحتياج والخدمة والمنظمة. Tab يتنقل بين عوامل التصفية (الوضع، المنظمة، الأولوية، المتأخرة)، وتُختار كما في التسجيل: الأسهم تتنقل بين الخيارات، أو اكتب لترى المطابقة منها وEnter يختار. Enter على إحالة يفتح الإجراءات الممكنة لها الآن: قبول، رفض، إكمال، إغلاق، إلغاء، ملاحظة، تاريخ متابعة. الإجراء غير المسموح يوضّح السبب وما هو مسموح.
help-queue-title = المهام (F5)
help-queue = للمنسقين: الإحالات المتأخرة وغير المُجاب عنها، والمقبولة التي تجاوزت تاريخ متابعتها، والمرفوضة التي تحتاج خدمة أخرى، والاحتياجات دون إحالة، والتعارضات بين الحواسيب (Enter يُبقي قيمة أو يعتمد قيمة مكتوبة)، والتكرارات المحتملة، والأسر المغلقة المستحقة للمحو، مع رسوم بيانية؛ وتظهر المنظمات بأسمائها. Tab وShift+Tab ينتقلان من قسم إلى قسم، ورقم القسم (على عنوانه) يذهب إليه مباشرة. Enter يفتح الإحالة أو الأسرة؛ F9 يعرض إجراءات السطر: نقل الإحالة، وإحالة الاحتياج من جديد، والأسرة، وقيم التعارض، وكل تكرار محتمل.
help-worker-title = من يعمل (F8)
help-worker = العاملون. في قاعدة بيانات مشفّرة، العامل هو من فتح قفلها؛ F8 يضيف عاملًا بعبارة مرور خاصة به، أو يغيّر عبارة مرور، أو يزيل عاملًا. في قاعدة بيانات أُنشئت قبل التشفير، اختر اسمك أو أضفه.

## Sync
sync-folder = ذاكرة USB (المجلد):
sync-no-drive = لم يُعثر على ذاكرة USB: اكتب مجلدها أعلاه.
sync-drives = وحدات USB الموجودة: { $list }.
sync-this-laptop = هذا الحاسوب: { $me } · البصمة { $fingerprint }
sync-card-written = بطاقة هذا الحاسوب على الذاكرة: { $file }. من يثق بها يقارن البصمة { $fingerprint }.
trusted-done = الحاسوب { $code } موثوق الآن (البصمة { $fingerprint }): تُستورد حزمه على هذا الحاسوب.
trust-confirm = الوثوق بالحاسوب { $who }؟ بصمته { $fingerprint }. قارنها بالبصمة التي تظهرها شاشة المزامنة في ذلك الحاسوب، بالهاتف أو وجهًا لوجه: لا تثق به إلا إذا تطابقتا.
menu-trust-card = الوثوق بالحاسوب { $who } (بطاقته على الذاكرة)
menu-write-card = كتابة بطاقة هذا الحاسوب في { $folder } (ليثق بها حاسوب آخر)
sync-cards-found = { $count ->
    [one] على هذه الذاكرة بطاقة حاسوب واحد: F9 للوثوق به.
   *[other] على هذه الذاكرة بطاقات { $count } حواسيب: F9 للوثوق بها.
}
sync-send = إرسال
sync-unsent = { $count ->
    [one] تغيير واحد لم يصل إلى الفريق بعد
    [two] تغييران لم يصلا إلى الفريق بعد
    [few] { $count } تغييرات لم تصل إلى الفريق بعد
    [many] { $count } تغييرًا لم تصل إلى الفريق بعد
   *[other] { $count } تغيير لم تصل إلى الفريق بعد
}
sync-send-how = F9: كتابة حزمة على الذاكرة.
sync-receive = استلام: { $count ->
    [one] حزمة واحدة
    [two] حزمتان
    [few] { $count } حزم
    [many] { $count } حزمة
   *[other] { $count } حزمة
} على الذاكرة
sync-none-found = لا توجد حزمة على هذه الذاكرة (تنتهي أسماء الحزم بـ .bundle).
sync-scan-how = اكتب مجلد الذاكرة واضغط Enter، أو اختر ذاكرة بـ F9.
sync-bundle-ok = التغييرات: { $changes }، تم التحقق
sync-handoff-ok = ملف تسليم: { $referrals } من الإحالات لهذه الجهة، تم التحقق
sync-progress = { $label }: التغيير { $done } من { $total }
sync-menu-title = المزامنة
menu-sync-export = كتابة حزمة في { $folder }
menu-backup = اكتب نسخة احتياطية من هذا الحاسوب إلى { $folder }
menu-sync-import-all = { $count ->
    [one] استيراد الحزمة
    [two] استيراد الحزمتين
   *[other] استيراد كل الحزم ({ $count })
}
menu-sync-use = استخدام الذاكرة { $drive }
menu-sync-look-again = فحص الذاكرة مجددًا
sync-no-folder = اختر الذاكرة أولًا (اكتب مجلدها، أو F9).
sync-no-identity = لا تملك هذه النافذة مفتاح جهاز لقراءة الحزم أو كتابتها: أعد تشغيل دليل.
sync-exporting = جارٍ كتابة الحزمة
sync-exported = كُتب { $changes } من التغييرات في { $file }.
sync-importing = جارٍ الاستيراد
sync-checking-file = جارٍ التحقق من الحزمة { $n } من { $count }
sync-importing-file = جارٍ استيراد الحزمة { $n } من { $count }
sync-imported = { $file }: جديدة { $new }، معروفة سابقًا { $known }، تعارضات مفتوحة { $conflicts }.
sync-refused = رُفضت ولم يُستخدم منها شيء: { $list }
sync-left-on-drive = { $file }: لحواسيب أخرى، تُرك على الذاكرة.
sync-not-yet = { $file }: ما زال قيد الكتابة؛ ستُعاد محاولته في الاستيراد التالي.
sync-for-others = لحواسيب أخرى: يبقى على الذاكرة
sync-mark-ok = سليمة
sync-mark-others = لغيره
sync-mark-skipped = تخطي
sync-mark-refused = مرفوضة
help-sync-title = المزامنة (F6)
help-sync = نقل البيانات إلى حواسيب أخرى عبر ذاكرة USB. اختر الذاكرة (أو اكتب مجلدها)؛ F9 يكتب حزمة عليها أو يستورد الحزم الموجودة فيها. يُتحقق من كل حزمة كاملةً أولًا: الحزمة التالفة، أو الآتية من حاسوب غير موثوق، تُرفض ولا تغيّر شيئًا. للوثوق بحاسوب آخر، يكتب F9 بطاقة هذا الحاسوب على الذاكرة؛ وفي الحاسوب الآخر يثق F9 بالبطاقة الموجودة عليها بعد التأكد من تطابق البصمتين المعروضتين. يُحفظ المجلد للمرة القادمة.

## Teams (Sync screen, Queue)
role-outreach = عامل ميداني
role-coordinator = منسق
role-partner = نقطة اتصال شريك
refusal-beyond-role = خارج صلاحيات دوره
refusal-revoked = بعد إبطاله
team-role = { $role } لدى { $org }
team-role-revoked = مُبطَل: لم تعد تغييراته تُحتسب
team-role-none = غير معتمد
team-line = الفريق { $team }: هذا الحاسوب { $role }؛ { $devices ->
    [one] جهاز واحد
    [two] جهازان
    [few] { $devices } أجهزة
    [many] { $devices } جهازًا
   *[other] { $devices } جهاز
}
team-none = خارج أي فريق: تذهب الحزم إلى الحواسيب الموثوقة واحدًا واحدًا.
queue-team = الفريق: شهادات منتهية { $expired }، تغييرات محفوظة دون أثر { $ineffective } (شاشة المزامنة)
queue-team-expired-row = { $code } { $name } ({ $role }): انتهت الشهادة في { $date }، جدّدها
queue-team-no-effect-row = { $code } التغيير { $seq }: تغيير على { $record } من { $author }، { $reason }
queue-forks = تفرّعات: { $count } (نُسخ مجلد بيانات حاسوب: حاسوبان يوقّعان كحاسوب واحد)
queue-fork-row = { $code } التغيير { $seq }: نسخة ثانية عبر { $sender } في { $date }، لم تُطبَّق ({ $refused })
team-working = جارٍ العمل
menu-team-request = كتابة طلب انضمام إلى فريق في { $folder }
menu-team-join = الانضمام إلى الفريق { $team } (شهادة هذا الحاسوب على الذاكرة)
menu-team-approve = الموافقة على طلب { $code } { $name }
menu-team-revoke = إبطال حاسوب من الفريق
menu-team-handoff = كتابة ملف تسليم لـ { $org } في { $folder }
team-revoke-title = أي حاسوب تريد إبطاله؟
team-revoke-confirm = إبطال { $code } ({ $name })؟ تغييراته بعد الرقم { $after } لن يكون لها أثر، هنا وعلى كل حاسوب يصله ذلك. لا يمكن التراجع عن ذلك.
team-join-confirm = الانضمام إلى الفريق { $team } بصفة { $role }؟ قارن مفتاح الفريق { $key } مع المنسق أولًا.
approve-title = الموافقة على { $code } { $name }
approve-intro = قارن البصمة { $fingerprint } مع صاحب الحاسوب أولًا. صالحة حتى: تاريخ بصيغة YYYY-MM-DD، أو فارغ دون نهاية. تُكتب الشهادة على الذاكرة.
approve-role = الدور
approve-org = المنظمة
approve-sensitive = يمكنه قراءة حالات العنف القائم على النوع الاجتماعي (GBV) وحماية الطفل
approve-expires = صالحة حتى
problem-approve-role = اختر دورًا.
problem-approve-org = اذكر منظمة الحاسوب (منظمة الشريك يجب أن تكون من منظمات دليل الخدمات).
problem-approve-date = تاريخ بصيغة YYYY-MM-DD، ليس في الماضي.
team-request-written = كُتب الطلب { $file } على الذاكرة: أوصله إلى المنسق.
team-approved = اعتُمد { $code } بصفة { $role }: الملف { $file } على الذاكرة؛ أوصله إلى ذلك الحاسوب.
team-joined = انضم هذا الحاسوب إلى الفريق { $team }.
team-revoked = أُبطل { $code } بعد تغييره { $after }: يخرج الإبطال مع الحزم التالية.
handoff-written = كُتب ملف تسليم لـ { $org }: { $referrals } من الإحالات.
backup-written = حُفظت النسخة الاحتياطية في { $file }: { $households } أسرة. استعادتها تحتاج كلمة مرور أحد العاملين؛ احفظ القرص في مكان مقفل.
sync-imported-handoff = { $file }: ملف تسليم فيه { $referrals } من الإحالات لهذه الجهة.
sync-imported-no-effect = محفوظة دون أثر: { $beyond } خارج صلاحيات دور حاسوبها، { $revoked } بعد إبطال (انظر المهام).
sync-imported-forked = رُفضت كتفرّع: { $count } تغييرات، نسخة ثانية من تغييرات محفوظة مسبقاً (انظر المهام).
sync-exported-sensitive = وكذلك { $file }، مع حالات العنف القائم على النوع الاجتماعي (GBV) وحماية الطفل، للحواسيب المعتمدة لها.
menu-team-renew = تجديد شهادة { $code } { $name } (طلبه على الذاكرة)
team-role-expired = { $role } (انتهت الشهادة في { $date }: اطلب من المنسق تجديدها)

## Referral slip (printed for agencies that do not use Daleel)
slip-title = استمارة الإحالة بين الجهات
slip-case-code = رمز الحالة (اذكروه في ردّكم)
slip-referral-id = رقم الإحالة
slip-priority = الأولوية
slip-date = تاريخ الإحالة
slip-respond-by = يُرجى الرد قبل
slip-referring = الجهة المُحيلة
slip-receiving = الجهة المستقبِلة
slip-agency = الجهة
slip-referred-by = أحالها
slip-service = الخدمة المطلوبة
slip-service-phone = هاتف الخدمة
slip-focal-point = نقطة الاتصال
slip-client = المستفيد
slip-name = اسم ربّ الأسرة
slip-phone = الهاتف
slip-location = الموقع
slip-members = أفراد الأسرة
slip-vulnerabilities = أوجه الضعف
slip-details = البيانات
slip-none-chosen = لم يُختر أي بيان للمشاركة: رمز الحالة هو المرجع.
slip-no-consent = لم توافق الأسرة على مشاركة بياناتها: رمز الحالة هو المرجع.
slip-request = الطلب
slip-sector = القطاع
slip-need = الاحتياج
slip-reason = سبب الإحالة
slip-consent = الموافقة
slip-consent-text = وافق المستفيد في { $date } على إحالته، و{ $share }.
slip-consent-share = على مشاركة البيانات أعلاه مع الجهة المستقبِلة
slip-consent-no-share = لم يوافق على مشاركة البيانات الشخصية
slip-consent-none = لم تُسجَّل أي موافقة.
slip-client-signature = توقيع المستفيد أو بصمة إبهامه
slip-referrer-signature = توقيع الموظف المُحيل
slip-feedback = ردّ الجهة المستقبِلة
slip-feedback-how = يُرجى تعبئة هذا الجزء وإعادته إلى الجهة المُحيلة، مع ذكر رمز الحالة { $code }.
slip-feedback-decision = مقبولة أو مرفوضة (ولماذا)
slip-feedback-date = التاريخ
slip-feedback-outcome = نتيجة الخدمة
slip-feedback-by = الاسم والجهة
slip-feedback-signature = التوقيع
menu-slip = طباعة استمارة إحالة
slip-written = كُتبت استمارة الإحالة { $file }: افتحها في متصفح لطباعتها.
slip-no-folder = لا يوجد مجلد «المستندات» لكتابة استمارة الإحالة فيه: اختر مجلدًا (على ذاكرة USB مثلًا) في شاشة المزامنة (F6)، ثم اكتب الاستمارة مرة أخرى.
help-language = اللغة: { $language }. F9 للتبديل بين الإنجليزية والعربية والكردية.
help-display = الخط العربي: { $mode }. F9 يبدّل الوضع: أبقِ الوضع الذي يُقرأ فيه النموذج أدناه من اليمين إلى اليسار بحروف متصلة.
help-sample = نموذج:
display-shaped = يصله ويرتّبه دليل (للطرفيات التي تعرض العربية بحروف منفصلة أو معكوسة)
display-terminal = تتولّاه الطرفية (للطرفيات التي تصل الحروف العربية وترتّبها بنفسها)
menu-language = اللغة: { $language }
menu-display-shaped = الخط العربي: يصله ويرتّبه دليل
menu-display-terminal = الخط العربي: تتولّاه الطرفية
language-set = أصبحت الشاشات الآن باللغة { $language }.

## Directory forms (Services screen)
svc-organization = المنظمة
svc-name = الخدمة
svc-sector = القطاع
svc-description = ما تقدمه
svc-eligibility = من يستفيد منها
svc-areas = المناطق (رموز P، ;)
svc-hours = أوقات العمل
svc-phone = الهاتف
svc-referral-method = طريقة الإحالة
svc-next-steps = الخطوات التالية
svc-languages = اللغات (;)
svc-documents = الوثائق (;)
svc-fees = الرسوم
svc-status = الوضع
svc-status-active = فعالة
svc-status-inactive = متوقفة
org-name = الاسم
org-acronym = الاختصار
org-type = النوع
org-type-government = جهة حكومية
org-type-un = وكالة أممية
org-type-international-ngo = منظمة دولية غير حكومية
org-type-national-ngo = منظمة وطنية غير حكومية
org-type-other = أخرى
org-focal-name = جهة الاتصال
org-focal-phone = هاتف جهة الاتصال
org-focal-email = بريد جهة الاتصال
problem-svc-organization = اختر المنظمة (لمنظمة جديدة أولاً: F9، منظمة جديدة).
problem-svc-name = أعطِ الخدمة اسماً.
problem-svc-sector = اختر قطاعاً.
problem-svc-area = { $code } ليس رمزاً من رموز المناطق: أدخل رموزاً مثل IQG15 تفصل بينها ;.
problem-org-name = أعطِ المنظمة اسماً.
problem-org-type = اختر نوعاً.
problem-hidden-characters = يحتوي هذا الحقل على محرف تحكم غير مرئي أو علامة اتجاه (جاء من حاسوب آخر أو من ملف): اكتبه من جديد دونه.
menu-edit-service = تعديل هذه الخدمة…
menu-edit-organization = تعديل منظمتها…
menu-new-service = خدمة جديدة…
menu-new-organization = منظمة جديدة…
new-service-title = خدمة جديدة
new-organization-title = منظمة جديدة
service-form-intro = تفصل ; بين عناصر القوائم. يصل التغيير إلى الحواسيب الأخرى مع الحزم التالية.
service-saved = حُفظت الخدمة { $name }.
organization-saved = حُفظت المنظمة { $name }.
sync-clock-ahead = ؛ ! ساعة حاسوبه متقدمة { $days ->
    [one] يوماً واحداً
    [two] يومين
    [few] { $days } أيام
   *[other] { $days } يوماً
} عن ساعة هذا الحاسوب: تحقق من التاريخ على كليهما
sync-clock-behind = ؛ ! ساعة حاسوبه متأخرة { $days ->
    [one] يوماً واحداً
    [two] يومين
    [few] { $days } أيام
   *[other] { $days } يوماً
} عن ساعة هذا الحاسوب: تحقق من التاريخ على كليهما

## Core errors as the screens show them (tui/errors.rs).
slip-write-failed = تعذّرت كتابة استمارة الإحالة { $file }: { $error }. اختر مجلدًا في شاشة المزامنة (F6).
list-or = { $items } أو { $last }
list-separator = { "، " }
hidden-direction-control = علامة اتجاه غير مرئية
hidden-line-break = فاصل أسطر
hidden-control = محرف تحكم غير مرئي
err-disk-full = الذاكرة ممتلئة: أفرغ بعض المساحة عليها، أو اختر مجلدًا أو ذاكرة أخرى ({ $error })
err-disk-read-only = الذاكرة للقراءة فقط (ذاكرة USB مقفلة، أو ركّبها النظام للقراءة فقط): افتح قفلها، أو اختر مجلدًا أو ذاكرة أخرى ({ $error })
err-disk-denied = ليس لهذا الحساب إذن هناك: اختر مجلدًا خاصًا بك، أو اسأل مسؤول الحاسوب ({ $error })
err-disk-not-found = المجلد أو الملف غير موجود (هل نُزعت الذاكرة؟): أعد توصيلها، أو اختر مجلدًا آخر ({ $error })
err-disk-file-too-large = الملف أكبر مما يسمح به نظام ملفات هذه الذاكرة (FAT32 يتوقف عند 4 GiB): استخدم ذاكرة بنظام exFAT أو NTFS ({ $error })
err-disk-cut-short = الملف ينتهي قبل أوانه: انقطع أثناء النسخ؛ انسخه مرة أخرى ({ $error })
err-disk-other = { $error }: تأكد من أن الذاكرة موصولة وغير ممتلئة وليست للقراءة فقط
err-database-io = تعذّرت القراءة من قاعدة البيانات أو الكتابة إليها: { $error }
err-database-damaged = قاعدة البيانات تالفة (ملفاتها لا تُقرأ كما كُتبت): استعدها من نسخة احتياطية، أو ابدأ مجلد بيانات جديدًا واستورد أحدث الحزم من الحواسيب الأخرى.
err-database-other = تعذّرت القراءة من قاعدة البيانات أو الكتابة إليها ({ $error }): استعدها من نسخة احتياطية، أو استورد الحزم مرة أخرى.
err-stored-damaged = قيمة محفوظة تالفة أو لا تُقرأ: { $error }
err-hidden-device-name = يحتوي اسم الجهاز على { $what } ({ $code }، المحرف { $at }): اكتبه من جديد دونه.
err-hidden-worker-name = يحتوي اسم العامل على { $what } ({ $code }، المحرف { $at }): اكتبه من جديد دونه.
err-hidden-reason = يحتوي السبب على { $what } ({ $code }، المحرف { $at }): اكتبه من جديد دونه.
err-hidden-note = تحتوي الملاحظة على { $what } ({ $code }، المحرف { $at }): اكتبها من جديد دونه.
err-worker-name-length = اسم العامل من محرف واحد إلى { $max } محرفًا.
err-not-empty = تحتوي قاعدة البيانات هذه على { $count } أسرة: الحالات التجريبية توضع في مجلد بيانات فارغ.
err-real-records = تحتوي قاعدة البيانات هذه على سجلات حقيقية: الحالات التجريبية توضع في مجلد بيانات خاص بها.
err-make-folder = تعذّر إنشاء المجلد { $file }: { $error }
err-write = تعذّرت كتابة { $file }: { $error }
err-audit-head = تعذّرت كتابة ملف رأس سجل التدقيق { $file }: { $error }
err-csv = تعذّر إنشاء ملف CSV: { $error }
err-workbook = تعذّر إنشاء ملف Excel: { $error }
err-interrupted-import = انقطع الاستيراد: استورد مرة أخرى.
err-interrupted-handoff = انقطع استيراد التسليم: استورده مرة أخرى.
err-interrupted-refold = انقطعت إعادة حساب السجلات: افتح دليل مرة أخرى.
err-unknown-field = تغيير يذكر حقلًا ليس في { $kind } ({ $field }).
err-no-field = ليس في { $kind } حقل رقم { $position }.
err-unknown-kind = تغيير يذكر نوع سجل غير معروف ({ $tag }).
err-staged-damaged = استيراد مُجهّز تالف: استورد الحزمة مرة أخرى.
err-change-too-large = تغيير أكبر من أن يُجهّز.
err-damaged-key = مفتاح في شجرة { $tree } تالف: افحص قاعدة البيانات.
err-own-change = تغيير يدّعي أنه من هذا الحاسوب ولم يُصنع هنا: رُفض.
err-hash-mismatch = تغيير لا تطابق قيمه بصمته: رُفض.
err-log-gap = ينقص سجل تغييرات { $device } تغييرات من الرقم التسلسلي { $first } فصاعدًا: لم يُكتب شيء.
err-other-team = ينتمي هذا الحاسوب أصلًا إلى الفريق «{ $team }» (المفتاح { $key }): ينتمي الحاسوب إلى فريق واحد.
err-erasure-empty = محو بلا محتوى: رُفض.
err-erasure-of-others = محو يذكر سجلات أسرة أخرى: رُفض.
err-erasure-not-written = لم يُكتب المحو.
err-erased = مُحيت هذه الأسرة: لا يمكن تغيير سجلاتها.
err-erased-already = { $code } ممحوة من قبل.
err-erased-not-dropped = تعذّر حذف سجل ممحو.
err-own-card = هذه بطاقة هذا الحاسوب نفسه: استورد بطاقة حاسوب آخر.
err-code-clash = للجهاز { $code } ({ $fingerprint }) رمز الجهاز نفسه الذي للجهاز الموثوق { $other_code } ({ $other_fingerprint }): ستتصادم رموز حالاتهما، فلا يمكن الوثوق به.
err-code-of-this-laptop = للجهاز { $code } ({ $fingerprint }) رمز الجهاز نفسه الذي لهذا الحاسوب: ستتصادم رموز حالاتهما، فلا يمكن الوثوق به.
err-not-trusted = لا يوجد جهاز موثوق بالبصمة { $fingerprint }.
err-not-found = { $kind ->
    [household] لا توجد أسرة بالمعرّف { $id }.
    [referral] لا توجد إحالة بالمعرّف { $id }.
    [need] لا يوجد احتياج بالمعرّف { $id }.
    [service] لا توجد خدمة بالمعرّف { $id }.
    [organization] لا توجد منظمة بالمعرّف { $id }.
   *[other] لا يوجد سجل ({ $kind }) بالمعرّف { $id }.
}
err-stale = تغيّرت الإحالة في الأثناء (هي الآن { $status }): انظر إليها مرة أخرى وأعد المحاولة.
err-too-new = أُنشئت قاعدة البيانات هذه بإصدار أحدث من دليل (المخطط { $found }؛ يقرأ هذا الإصدار حتى { $known }): ثبّت الإصدار الأحدث.
err-locked = قاعدة البيانات هذه مفتوحة في نافذة أخرى لدليل: أغلق تلك النافذة أولًا.
err-foreign-key = تعود قاعدة البيانات هذه إلى مفتاح جهاز آخر: استعد ملف المفتاح الذي جاء معها.
err-sealed-short = قيمة محفوظة أقصر من أن تكون مختومة: قاعدة البيانات تالفة.
err-sealed-tampered = قيمة محفوظة لا تُفتح بمفتاح قاعدة البيانات هذه: قاعدة البيانات تالفة أو عُدّلت.
err-forbidden-revoked = أبطل المنسق هذا الحاسوب: لم تعد تغييراته تُحتسب؛ اسأل المنسق.
err-forbidden-sensitive = حالات العنف القائم على النوع الاجتماعي وحماية الطفل تُسجّل وتُتابع على حاسوب مدير حالة معتمد لها: أحِل الشخص إلى مدير الحالة دون كتابة التفاصيل هنا.
err-forbidden-directory = المنسق وحده يغيّر دليل الخدمات (هذا الحاسوب معتمد بصفة { $role }).
err-forbidden-resolve = المنسق وحده يحل التعارضات (هذا الحاسوب معتمد بصفة { $role }).
err-forbidden-partner-step = حاسوب الشريك يقبل الإحالات الموجّهة إلى منظمته أو يرفضها أو يكملها أو يضيف إليها ملاحظات فقط (هذا الحاسوب معتمد بصفة { $role }).
err-forbidden-partner = حاسوب الشريك يجيب على الإحالات الموجّهة إلى منظمته فقط (هذا الحاسوب معتمد بصفة { $role }).
err-move-final = هذه الإحالة { $from }، وهي حالة نهائية: لا يمكن أن تتغير بعد الآن.
err-move-not-allowed = لا يمكن لإحالة { $from } أن تصبح { $to }؛ من { $from } يمكن أن تصبح { $allowed }.
err-move-no-consent = لم توافق هذه الأسرة على إحالتها إلى الخدمات: سجّل الموافقة قبل الإرسال.
err-move-reason-required = اذكر لماذا الإحالة { $to }: السبب مطلوب.
err-move-outcome-required = الإحالة المكتملة تحتاج إلى نتيجتها: ناجحة، أو غير ناجحة مع السبب.
err-move-disclosure = تشارك هذه الإحالة تفاصيل لم توافق الأسرة على مشاركتها: أزلها، أو سجّل الموافقة على الإفصاح أولًا.
err-team-too-large = ملف الفريق أكبر مما يمكن أن يكون: إنه تالف.
err-team-not-a-file = هذا ليس ملف شهادة من دليل.
err-team-cut-short = ملف الفريق مقطوع: انسخه مرة أخرى.
err-team-too-many = يحتوي ملف الفريق على أكثر من { $max } بيان: إنه تالف.
err-team-damaged = بيان فريق تالف: { $error }
err-team-bad-signature = توقيع بيان الفريق لا يطابق مُصدره: عُدّل أو زُوّر.
err-team-key-not-a-key = هذا ليس مفتاح فريق محفوظًا.
err-team-key-passphrase = عبارة المرور خاطئة، أو هذا ليس مفتاح فريق محفوظًا.
err-team-key-damaged = مفتاح الفريق المحفوظ تالف.
err-not-regular = ليس ملفًا عاديًا (بل رابط أو مجلد أو جهاز): لم يُقرأ
err-codec-empty = القيمة فارغة
err-codec-version = كُتبت بإصدار أحدث من دليل (الصيغة { $found }؛ يقرأ هذا الإصدار حتى { $known }): ثبّت الإصدار الأحدث
err-codec-decode = لا تُقرأ ({ $error })
err-codec-trailing = تبقى بعدها { $count } بايت زائدة
err-codec-encode = تعذّر ترميزها ({ $error })
err-codec-not-shortest = ليست مكتوبة بصيغتها الأقصر الوحيدة، فلا يشهد لها توقيعها
err-codec = تعذّرت كتابة قيمة أو قراءتها: { $error }
err-device-key-read = تعذّرت قراءة مفتاح الجهاز { $file }: { $error }
err-device-key-write = تعذّرت كتابة مفتاح الجهاز { $file }: { $error }
err-device-key-damaged = مفتاح الجهاز { $file } تالف: استعده من نسخة احتياطية، أو انقله جانبًا ليبدأ هذا الحاسوب جهازًا جديدًا.
err-keyring-wrong-passphrase = عبارة المرور خاطئة، أو هذا الاسم ليس لأحد عاملي هذا الحاسوب: حاول مرة أخرى. لا يمكن استعادة عبارة مرور منسية؛ يستطيع عامل آخر إضافتك من جديد.
err-keyring-which-worker = لهذا الحاسوب أكثر من عامل: اكتب اسمك مع عبارة المرور.
err-keyring-exists = { $name } عامل على هذا الحاسوب من قبل.
err-keyring-no-such-worker = لا يوجد عامل بهذا الاسم على هذا الحاسوب: تحقّق من كتابته.
err-keyring-last-worker = لا يمكن إزالة آخر عامل: أضف عاملًا آخر أولًا.
err-keyring-no-name = يحتاج العامل إلى اسم.
err-keyring-damaged = مفاتيح العاملين في قاعدة البيانات هذه تالفة: استعدها من نسخة احتياطية.
err-keyring-old-slots = { $names }: عُيّنت عبارة مرورهم بإصدار أقدم من دليل. يفتح كلٌّ منهم دليل هنا مرة واحدة، ثم أعد المحاولة (يمكن أولًا إزالة من غادر، F8).
err-workspace-locked = قاعدة البيانات هذه مفتوحة في نافذة أخرى لدليل: أغلق تلك النافذة أولًا ({ $file }).
err-data-folder = لا يمكن استخدام مجلد البيانات { $file }: { $error }
err-needs-first-worker = قاعدة البيانات الجديدة مشفّرة وتحتاج إلى عاملها الأول: اسم، وعبارة مرور من { $min } محارف على الأقل.
err-needs-passphrase = قاعدة البيانات هذه مشفّرة: تُفتح باسم أحد العاملين وعبارة مروره.
err-not-encrypted = أُنشئت قاعدة البيانات هذه قبل التشفير: افتحها مرة باسم عامل وعبارة مروره لتشفيرها.
err-remove-self = لا يستطيع العامل إزالة نفسه: يفعل ذلك عامل آخر على هذا الحاسوب.
err-busy = مهمة أخرى في هذه النافذة ما زالت تستخدم قاعدة البيانات: انتظر حتى تنتهي، ثم أعد المحاولة.
err-not-certified = استُعيدت قاعدة البيانات، لكن تعذّر اعتماد هذا الحاسوب بمفتاح الفريق: { $error }
err-not-a-folder = { $file } ليس مجلدًا: اختر مجلد ذاكرة USB.
err-no-receiver = لا يوجد حاسوب موثوق يستطيع استلام حزمة: ثق أولًا ببطاقة حاسوب آخر (F9).
err-handoff-no-team = هذا الحاسوب خارج أي فريق: تذهب ملفات التسليم إلى حواسيب الشركاء المعتمدة في الفريق.
err-handoff-not-coordinator = حاسوب المنسق وحده يكتب ملفات التسليم إلى الشركاء.
err-no-organization = لا توجد منظمة «{ $org }» في دليل الخدمات.
err-no-partner-device = لا يوجد حاسوب لـ { $org } معتمد بصفة شريك: وافق على أحدها أولًا (طلبه، F9).
err-handoff-encrypt = تعذّر تشفير ملف التسليم: { $error }
err-import-read = لا يمكن قراءته: { $error }
err-import-real-into-demo = قاعدة البيانات هذه تجريبية (للتدريب) والحزمة من قاعدة حقيقية: لا تختلطان أبدًا.
err-import-demo-into-real = قاعدة البيانات هذه حقيقية والحزمة من قاعدة تجريبية (للتدريب): لا تختلطان أبدًا.
err-handoff-other-kind = البيانات التجريبية (للتدريب) والحقيقية لا تختلط أبدًا: ملف التسليم هذا من النوع الآخر.
err-handoff-older = ملف التسليم هذا أقدم من الذي استُورد من قبل: لم يتغيّر شيء.
err-not-partner = ملف تسليم لحاسوب جهة شريكة: هذا الحاسوب غير معتمد بصفة شريك.
err-bundle-not-a-bundle = ليست حزمة من دليل.
err-bundle-too-new = من إصدار أحدث من دليل (إصدار الحزمة { $found }؛ يقرأ هذا الإصدار { $known }): ثبّت الإصدار الأحدث.
err-bundle-truncated = ناقصة: انقطع الملف (نسخ أو تصدير لم يكتمل). انسخه مرة أخرى.
err-bundle-damaged = تالفة: { $error }
err-bundle-over-limit = أكبر مما يمكن أن تكون الحزمة ({ $claimed }، والحد { $limit }): تالفة، أو ليست حزمة.
err-bundle-not-trusted = المرسل { $code } ({ $fingerprint }) غير موثوق هنا: ثق ببطاقته أولًا (F9).
err-bundle-bad-signature = توقيع المرسل لا يطابق: عُدّل الملف بعد كتابته.
err-bundle-bad-segment = تغييرات { $code } ({ $fingerprint }) غير موقّعة من ذلك الحاسوب: معدّلة أو مزوّرة.
err-bundle-not-for-me = لحواسيب أخرى: صنعها { $code } ({ $fingerprint }) لها. اطلب من مرسلها أن يثق ببطاقة هذا الحاسوب ويرسل من جديد.
err-backup-not-a-backup = { $file } ليس نسخة احتياطية من دليل: اختر ملف نسخة احتياطية (ينتهي اسمه بـ .{ $ext }).
err-backup-too-new = { $file } نسخة احتياطية من إصدار أحدث من دليل (الصيغة { $found }؛ يقرأ هذا الإصدار { $known }): ثبّت الإصدار الأحدث لاستعادتها.
err-backup-damaged = النسخة الاحتياطية { $file } تالفة ({ $error }): لم يُستعد شيء؛ استخدم نسخة أخرى منها.
err-backup-incomplete = النسخة الاحتياطية { $file } تنتهي قبل أوانها (لم تُكتب حتى النهاية، أو انقطعت أثناء النسخ): لم يُستعد شيء؛ استخدم نسخة أخرى منها.
err-backup-not-encrypted = قاعدة البيانات هذه غير مشفّرة، والنسخة الاحتياطية يجب أن تكون مشفّرة: افتح دليل مرة باسم عامل وعبارة مروره لتشفيرها، ثم انسخها احتياطيًا.
err-backup-not-a-folder = { $file } ليس مجلدًا: اختر مجلدًا موجودًا (على ذاكرة USB مثلًا). لم تُكتب نسخة احتياطية.
err-backup-write = تعذّرت كتابة النسخة الاحتياطية { $file }: { $error } (لم يبقَ هناك ملف نسخة احتياطية)
err-backup-read = تعذّرت قراءة { $file }: { $error }
err-backup-build = تعذّر بناء قاعدة البيانات المستعادة في { $file }: { $error } (لم يتغيّر شيء)
err-card-not-a-card = ليست بطاقة تعريف من دليل.
err-card-too-large = أكبر مما يمكن أن تكون بطاقة التعريف ({ $bytes } بايت): ليست بطاقة.
err-card-damaged = البطاقة تالفة ({ $error }): اطلب البطاقة مرة أخرى.
err-card-bad-signature = توقيع البطاقة لا يطابق مفتاحها: عُدّلت أو زُوّرت. لا تثق بها.
err-card-hidden = يحتوي اسم الجهاز في البطاقة على { $what } ({ $code }، المحرف { $at }): رُفضت. اطلب من صاحبها أن يعطي جهازه اسمًا عاديًا ويكتب البطاقة من جديد.
err-team-name-length = أعطِ الفريق اسمًا من محرف واحد إلى 60 محرفًا.
err-hidden-team-name = يحتوي اسم الفريق على { $what } ({ $code }، المحرف { $at }): اكتبه من جديد دونه.
err-hidden-organization = تحتوي المنظمة على { $what } ({ $code }، المحرف { $at }): اكتبها من جديد دونه.
err-hidden-file-team-name = يحتوي اسم الفريق في هذا الملف على { $what } ({ $code }، المحرف { $at }): رُفض. اطلب من المنسق شهادة جديدة.
err-hidden-file-cert-org = تحتوي منظمة شهادة هذا الحاسوب على { $what } ({ $code }، المحرف { $at }): رُفضت. اطلب من المنسق شهادة جديدة.
err-hidden-file-cert-name = يحتوي اسم هذا الحاسوب في شهادته على { $what } ({ $code }، المحرف { $at }): رُفض. اطلب من المنسق شهادة جديدة.
err-key-of-other-team = ينتمي هذا الحاسوب أصلًا إلى فريق آخر، «{ $team }»: ينتمي الحاسوب إلى فريق واحد.
err-no-team = هذا الحاسوب خارج أي فريق.
err-no-team-yet = هذا الحاسوب خارج أي فريق: منسق الفريق وحده يوافق على الحواسيب.
err-no-team-key = لا يحمل هذا الحاسوب مفتاح الفريق: يحمله فقط الحاسوب الذي أنشأ الفريق، أو حاسوب استُعيد عليه.
err-seal-key = تعذّر ختم مفتاح الفريق: { $error }
err-not-authority = حاسوب المنسق المعتمد بمفتاح الفريق وحده يوافق على الحواسيب ويُبطلها.
err-old-request = الطلب من إصدار أقدم من دليل لا يستطيع استلام الحزم المشفّرة: حدّثه واكتب طلبًا جديدًا.
err-revoked-device = أُبطل ذلك الحاسوب: لا يمكن اعتماده مرة أخرى.
err-unknown-org = لا توجد منظمة «{ $org }» في دليل الخدمات: حاسوب الشريك ينتمي إلى إحدى منظمات الدليل (اكتب اختصارها).
err-other-device = هذه الشهادة لحاسوب آخر ({ $certified }): هذا الحاسوب هو { $this }.
err-no-certificate = لا يحتوي الملف على شهادة صالحة لهذا الحاسوب.
err-revoke-self = لا يُبطل الحاسوب نفسه: أبطله من حاسوب منسق آخر.
err-nothing-held = لا يحمل هذا الحاسوب أي تغيير من ذلك الحاسوب: استورد حزمه أولًا.
err-typed-not-text = لا يمكن كتابة هذه القيمة: أبقِ إحدى القيم المعروضة.
err-typed-gone = { $kind ->
    [household] لم تعد هذه الأسرة موجودة هنا.
    [referral] لم تعد هذه الإحالة موجودة هنا.
    [need] لم يعد هذا الاحتياج موجودًا هنا.
    [service] لم تعد هذه الخدمة موجودة هنا.
    [organization] لم تعد هذه المنظمة موجودة هنا.
   *[other] لم يعد هذا السجل موجودًا هنا.
}
err-typed-phone = رقم الهاتف من 7 إلى 15 رقمًا (المسافات و+ و- مسموحة): تحقّق منه، أو اتركه فارغًا.
err-typed-description = اذكر المطلوب ببضع كلمات (500 محرف على الأكثر).
err-typed-refused = لا يمكن إبقاء هذه القيمة: اكتب غيرها، أو أبقِ إحدى القيم المعروضة.

## Before the screens open: the first run and the unlock
startup-plain = أُنشئت قاعدة البيانات هذه قبل أن يشفّر دليل بياناته. وهي تُشفَّر الآن بعبارة المرور التي تختارها.
startup-first-run = يحفظ دليل بياناته مشفّرة. اختر الاسم الذي تعمل به وعبارة مرور من { $min } أحرف على الأقل لا يسهل تخمينها (ثلاث أو أربع كلمات لا رابط بينها خيار جيد). عبارة المرور المنسيّة لا يمكن استعادتها.
startup-name = اسمك:
startup-passphrase = عبارة المرور:
startup-passphrase-again = عبارة المرور نفسها مرة أخرى:
startup-passphrases-differ = عبارتا المرور مختلفتان: حاول مرة أخرى.
startup-wrong = هذا الاسم وعبارة المرور لا يفتحان قاعدة البيانات هذه. { $left ->
    [one] بقيت محاولة واحدة.
    [two] بقيت محاولتان.
   *[other] بقيت { $left } محاولات.
}
startup-encrypting = تشفير قاعدة البيانات: { $done } من { $all } قيمة
startup-encrypted = شُفّرت قاعدة البيانات: { $all } قيمة.
startup-press-enter = اضغط Enter لإغلاق هذه النافذة.

## Drafts: what is typed survives a power cut
draft-offer-household = استعادة الأسرة غير المحفوظة من { $when } ({ $worker })؟
draft-offer-form = استعادة النموذج غير المحفوظ من { $when } ({ $worker })؟
draft-restore = استعادتها ومتابعة الكتابة
draft-discard = تجاهلها
draft-restored = استُعيد ما كان يُكتب. راجعه، ثم احفظه.
draft-unreadable = تعذّرت قراءة النموذج غير المحفوظ (حفظته نسخة أخرى من دليل): حُذف.
draft-household-gone = كانت التغييرات غير المحفوظة لأسرة مُحيت أو لم تعد موجودة: حُذفت.
draft-not-kept = تعذّر حفظ ما يُكتب مسودةً ({ $error })؛ تستمر الكتابة، احفظ قريبًا.

## The queue's sections, its menu, lists cut to their best (issue 16)
too-small-keys = حتى ذلك الحين لا تعمل المفاتيح، ما عدا F10 أو Ctrl+Q للخروج.
key-next-section = القسم التالي
key-prev-section = القسم السابق
key-section = القسم برقمه
help-keys-queue = في المهام (F5)
queue-unreferred-chip = دون إحالة
queue-unreferred-chip-counts = { $count } ({ $emergency } طارئة)
queue-due-erasure-short = مستحقة للمحو
menu-open-referral = فتح الإحالة (شاشة الإحالات)
menu-refer-again = إحالة الاحتياج إلى خدمة أخرى
menu-duplicates-title = تكرارات محتملة: افتح واحدة
menu-show-sync = الانتقال إلى شاشة المزامنة (F6)
lookup-found-best = أفضل { $shown } من { $count } أسرة وُجدت: اكتب المزيد لتضييق البحث.
lookup-found-best-more = أفضل { $shown } من { $count } أسرة أو أكثر وُجدت: اكتب المزيد لتضييق البحث.
services-count-first = أول { $shown } من { $count } خدمة
services-count-best = أفضل { $shown } من { $count } خدمة
referrals-find = بحث
referrals-shown-of = المعروض: { $count } من { $total }
## Printed pages: dates, the referral slip and the coordination report (i18n/format.rs, report/slip.rs, report/html.rs)
# The months of the Gregorian calendar, as dates on the pages name them.
month-1 = كانون الثاني
month-2 = شباط
month-3 = آذار
month-4 = نيسان
month-5 = أيار
month-6 = حزيران
month-7 = تموز
month-8 = آب
month-9 = أيلول
month-10 = تشرين الأول
month-11 = تشرين الثاني
month-12 = كانون الأول
# A date: $day and $year are numbers, $month is one of the names above.
date-long = { $day } { $month } { $year }
page-report-title = مركز موارد المجتمع: تقرير التنسيق
page-report-demo = بيانات تدريب مختلَقة للتمرين: ليست لأشخاص حقيقيين ولا تصلح لأي تقرير.
page-report-period = من { $since } إلى { $until }، مع احتساب اليومين.
page-report-small = الأعداد التي تقل عن خمسة، والأعداد التي يمكن أن يُستنتج منها أحدها بالحساب، تظهر بالشكل { $small }، كي لا يمكن تمييز أي أسرة.
page-report-made = أعدّه دليل في { $date } من البيانات المحفوظة على هذا الحاسوب.
page-report-grouped = مجمّع حسب: { $groups }.
page-report-chart-reached = الأسر التي تم الوصول إليها
page-report-chart-referred = الإحالات المُجراة
page-report-table-needs = الاحتياجات حسب الحالة
page-report-table-referrals = الإحالات حسب الحالة
page-report-table-outcomes = النتائج والأيام حتى الرد
page-report-col-sector = القطاع
page-report-col-governorate = المحافظة
page-report-col-district = القضاء
page-report-col-subdistrict = الناحية
page-report-col-org = المنظمة
page-report-col-reached = الأسر التي تم الوصول إليها
page-report-col-median = وسيط الأيام حتى الرد
page-report-median-note = يظهر وسيط عدد الأيام حتى الرد للمجموعة التي تلقّت خمس إحالات منها أو أكثر ردًّا.
page-report-all = الكل
page-report-not-referred = (لم تُحَل)
page-report-empty = لم يُسجَّل شيء في هذه الفترة.
## التكرارات المحسومة: الأسرة نفسها (يبقى رمز حالة واحد) أو ليست نفسها
audit-merge = دُمجت في حالة أخرى
audit-not-same = عُلّمت بأنها ليست الأسرة نفسها
audit-compact = أُعيدت كتابة قاعدة البيانات مضغوطة
case-merged = { $alias }، دُمجت في { $code }
slip-merged = مسجّلة أيضًا باسم
err-pair-same = لا تُقارن الحالة بنفسها.
err-pair-merged = دُمجت { $code } في { $into } من قبل: احسم أمر { $into } بدلًا منها.
err-pair-closed = { $code } مغلقة: لا تُدمج إلا الحالات المفتوحة.
err-forbidden-duplicates = المنسق وحده يحسم إن كانت حالتان للأسرة نفسها (هذا الحاسوب معتمد بصفة { $role }).
pair-intro = هل { $a } و{ $b } الأسرة نفسها؟ F9 للحسم، Esc للرجوع.
pair-name = الاسم
pair-latin = باللاتينية
pair-phone = الهاتف
pair-place = المكان
pair-born = الميلاد
pair-members = الأفراد ({ $count })
pair-status = الوضع
pair-consent = الموافقة
pair-recorded = سُجّلت
pair-referrals = الإحالات
pair-needs = الاحتياجات ({ $count })
pair-more = …و{ $count } أخرى
pair-open = مفتوحة
pair-closed = مغلقة: { $reason }
pair-no-consent = غير مسجّلة
pair-recorded-on = { $date }، { $by }
pair-keep = الأسرة نفسها: إبقاء { $code }
pair-not-same = ليست الأسرة نفسها
pair-back = الرجوع إلى القائمة
pair-confirm-merge = إبقاء { $kept } ودمج { $merged } فيها؟ تنتقل احتياجاتها ({ $needs }) وإحالاتها ({ $referrals }) إلى { $kept }، والبحث عن { $merged } يجد { $kept }.
pair-merged = دُمجت { $merged } في { $kept }: احتياجاتها وإحالاتها هناك الآن.
pair-not-same-done = { $a } و{ $b } ليستا الأسرة نفسها: لن تُعرضا معًا مرة أخرى.
pair-consent-answers = الإحالة { $services } · المشاركة { $details }
## The command line
## What `daleel COMMAND` prints and the refusals it ends with (src/cli).
cli-no-home = لا يوجد مجلد رئيسي لحفظ البيانات: حدّد مجلدًا بـ --data-dir
cli-passphrase-file-unreadable = تعذّرت قراءة ملف عبارة المرور { $file }: { $error }
cli-passphrase-file-too-large = الملف { $file } أكبر من أن يكون ملف عبارة مرور
cli-passphrase-file-not-text = الملف { $file } ليس نصًا (UTF-8)
cli-output-failed = تعذّرت كتابة المخرجات: { $error }؛ ما كُتب غير مكتمل
cli-lang-unknown = --lang { $lang }: اختر en أو ar أو ckb
cli-note-not-private = ملاحظة: تعذّر جعل { $folder } مقروءًا لهذا الحساب وحده (ملفات ومجلدات بقيت مفتوحة للحسابات الأخرى: { $count }): قرصه لا يحفظ المالكين (ذاكرة FAT أو exFAT؟)؛ احفظ مجلد البيانات على قرص الحاسوب نفسه
cli-data-folder-unusable = تعذّر استخدام مجلد البيانات { $folder }: { $error }
cli-screens-need-terminal = الشاشات تحتاج إلى طرفية: شغّل daleel في نافذة طرفية، أو أعطه أمرًا (daleel --help)
cli-screen-failed = تعطّلت الشاشة: { $error }
cli-confirm-no-terminal = { $question } لا توجد طرفية للإجابة: أضف --yes للتأكيد من برنامج نصي
cli-confirm-choices = [ن/لا]
cli-answer-unreadable = تعذّرت قراءة الإجابة: { $error }
cli-not-confirmed = لم يُؤكَّد: لم يتغيّر شيء
cli-write-failed = تعذّرت كتابة { $file }: { $error }
cli-out-not-a-file-name = --out { $out }: ليس مجلدًا موجودًا، ولا اسم ملف ينتهي بـ { $extensions }؛ أعطِ مجلدًا موجودًا (على ذاكرة USB مثلًا) أو اسم ملف مثل { $name }. لم يُكتب شيء
cli-out-is-a-file = --out { $out }: هذا ملف وليس مجلدًا؛ أعطِ مجلدًا موجودًا (على ذاكرة USB مثلًا). لم يُكتب شيء
cli-out-no-such-folder = --out { $out }: لا يوجد مجلد بهذا الاسم (هل الذاكرة موصولة؟ أنشئ المجلد أولًا)؛ أعطِ مجلدًا موجودًا (على ذاكرة USB مثلًا). لم يُكتب شيء
cli-stopped = توقّف: لم يُفتح شيء

## daleel stats
cli-stats-households = الأسر
cli-stats-people = الأفراد
cli-stats-needs = الاحتياجات
cli-stats-referrals = الإحالات
cli-stats-overdue = الإحالات المتأخرة
cli-stats-services = الخدمات
cli-stats-organizations = المنظمات
cli-stats-sample = (دليل الخدمات النموذجي المدمج)
cli-compacted = اكتمل الضغط: كانت قاعدة البيانات { $before } MiB، وصارت { $after } MiB.
cli-stats-disk-tree = الشجرة
cli-stats-disk-entries = المدخلات
cli-stats-disk-keys = المفاتيح
cli-stats-disk-values = القيم
cli-stats-disk-records = مفاتيح كل الأشجار وقيمها
cli-stats-disk-sled = ملفات sled (مجلد db)
cli-stats-disk-overhead = منها ما يضيفه sled وما بقي من بيانات قديمة
cli-stats-disk-other = ملفات أخرى (حلقة المفاتيح، رأس سجل التدقيق، المسودات)
cli-stats-disk-all = مجلد البيانات
cli-stats-disk-households = العمود الأخير لكل أسرة ({ $count } أسرة).
cli-stats-by-status = { $status } { $count }
cli-cannot-read = تعذّرت قراءة { $file }: { $error }
cli-file-refused = { $file }: { $error }؛ لم يتغيّر شيء
cli-no-name = (بلا اسم)
cli-label-device = الجهاز:
cli-label-code = الرمز:
cli-label-fingerprint = البصمة:

## daleel trust
cli-card-too-large = { $file } ليس بطاقة تعريف: إنه أكبر بكثير من البطاقة
cli-trust-confirm = الوثوق بـ { $code } ({ $fingerprint })؟ قارن البصمة مع صاحب الحاسوب أولًا.
cli-trust-added = أصبح موثوقًا: { $code } ({ $fingerprint }).
cli-trust-already = { $code } ({ $fingerprint }) موثوق من قبل.
cli-trust-none = لا يوجد جهاز موثوق بعد: استورد بطاقة حاسوب آخر بالأمر daleel trust add CARD.
cli-trust-no-such = لا يوجد جهاز موثوق بالبصمة { $fingerprint }: انظر daleel trust list
cli-untrust-confirm = إيقاف الوثوق بـ { $code } ({ $fingerprint })؟ ستُتخطّى تغييراته التي تصل لاحقًا.
cli-untrusted = لم يعد موثوقًا: { $code } ({ $fingerprint }).
cli-limit-zero = --limit يجب أن يكون 1 على الأقل
cli-problem-at = مشكلة: { $file }، السطر { $line }، العمود { $column }: { $error }
cli-problem-in = مشكلة: { $file }، { $column }: { $error }

## daleel households
cli-households-none = لا توجد أسرة مطابقة. جرّب كلمات أقل أو تهجئة أخرى، أو رقم هاتف، أو رمز حالة.
cli-households-windows-1256 = { $file } ليس بترميز UTF-8: قُرئ نصًا عربيًا بترميز Windows-1256 (وهو ما يكتبه Excel باسم "CSV (Comma delimited)" على Windows العربي). في المرة القادمة احفظه بصيغة "CSV UTF-8".
cli-households-no-consent = السطر { $line }: لا موافقة (عمود الموافقة لا يقول نعم): لم يُستورد
cli-households-already = السطر { $line }: موجود هنا من قبل برمز { $code }: لم يُستورد مرة أخرى
cli-households-repeated = السطر { $line }: مثل السطر { $earlier }: لم يُستورد مرتين
cli-households-duplicate = السطر { $line }: على الأرجح الأسرة نفسها مثل { $like }: { $outcome }
cli-households-duplicate-lines = السطر { $lines } من هذا الملف
cli-households-duplicate-both = { $cases } و{ $lines }
cli-households-duplicate-imported = استُوردت (--include-duplicates)
cli-households-duplicate-held = حُجزت (راجعها؛ --include-duplicates يستوردها)
cli-households-preview = للاستيراد: { $import }، موجودة من قبل: { $already }، مكررة في الملف: { $repeated }، تكرارات محتملة: { $duplicates }، دون موافقة: { $consent }، مشكلات: { $problems }
cli-households-preview-held = للاستيراد: { $import }، موجودة من قبل: { $already }، مكررة في الملف: { $repeated }، تكرارات محتملة محجوزة: { $duplicates }، دون موافقة: { $consent }، مشكلات: { $problems }
cli-households-strict = مشكلات: { $count } (أعلاه) مع --strict: لم يُستورد شيء؛ صحّح الملف واستورده مرة أخرى
cli-households-nothing = لا شيء للاستيراد.
cli-households-confirm = استيراد الأسر ({ $count })؟
cli-households-saved = السطر { $line }: { $code }
cli-households-imported = استُوردت الأسر: { $count } (رموز حالاتها أعلاه، حسب السطر)؛ تصل إلى الحواسيب الأخرى مع الحزم التالية.
cli-households-template-written = كُتب قالب قائمة التسجيل: السطر الثاني يشرح كل عمود. املأ صفًا لكل أسرة في جدول بيانات، واحفظه بصيغة "CSV UTF-8"، ثم استورده بالأمر daleel households import.

## daleel sync
cli-sync-second-file = كُتب ملف ثانٍ، { $file }، فيه حالات GBV وحماية الطفل، للحواسيب المعتمدة لها فقط.
cli-sync-exported = كُتبت التغييرات ({ $changes }) في مقاطع موقّعة ({ $segments }، { $kib } كيلوبايت) من { $code } إلى { $file }.
cli-sync-handoff-written = كُتب ملف تسليم لـ { $org } (أجهزة شريكة: { $devices }): إحالات: { $referrals }، أسر: { $households }، بما وافقت كل أسرة على الإفصاح عنه فقط، مع دليل الخدمات.
cli-sync-handoff-left-out = استُبعدت إحالات GBV أو حماية الطفل ({ $count }): ليست كل أجهزة { $org } معتمدة للحالات الحساسة.
cli-sync-folder-unreadable = { $folder }: تعذّرت قراءة المجلد: { $error }
cli-sync-no-bundles = لا توجد ملفات حزم هناك (تنتهي أسماؤها بـ .bundle)
cli-sync-imported-handoff = { $file }: ملف تسليم من { $code } ({ $fingerprint }): إحالات لهذه المنظمة: { $referrals }
cli-sync-imported = { $file }: من { $code } ({ $fingerprint }): جديدة { $new }، معروفة سابقًا { $known }، معلّقة { $parked }، تعارضات مفتوحة { $conflicts }
cli-sync-statements = { $file }: بيانات فريق جديدة (شهادات، إبطالات): { $count }
cli-sync-forked = { $file }: تغييرات رُفضت لأنها تفرّع: { $count }: نسخة ثانية مختلفة من تغييرات يحملها هذا الحاسوب، موقّعة بهوية الحاسوب نفسه (نُسخ مجلد بياناته؛ انظر شاشة المهام وdocs/recovery.md)
cli-sync-no-effect = { $file }: تغييرات محفوظة دون أثر: { $count }: خارج صلاحيات دور جهازها { $beyond }، بعد إبطال { $revoked } (daleel team changes)
cli-sync-skipped = { $file }: تُخطّيت تغييرات { $code } ({ $fingerprint }): { $count }: غير موثوق هنا
cli-sync-left = { $file }: لحواسيب أخرى، تُرك على الذاكرة ({ $error })
cli-sync-not-yet = { $file }: ما زال قيد الكتابة (من حاسوب آخر، أو نسخ جارٍ)؛ ستُعاد محاولته في الاستيراد التالي
cli-sync-remembered = يُستخدم المجلد المستخدم آخر مرة: { $folder }
cli-sync-no-folder = لم يُعطَ مجلد ولا يوجد مجلد محفوظ، ولم يُعثر على ذاكرة قابلة للإزالة: أعطِ المجلد (‎--out DIR‎ للتصدير، والمجلد للاستيراد)؛ يُحفظ للمرة القادمة
cli-sync-which-drive = لم يُعطَ مجلد ولا يوجد مجلد محفوظ، ووُجدت أكثر من ذاكرة ({ $drives }): أعطِ المجلد (‎--out DIR‎ للتصدير، والمجلد للاستيراد)
cli-sync-no-drives = لم يُعثر على ذاكرة قابلة للإزالة. يمكن إعطاء مجلد مشترك أو أي مجلد آخر بدلًا منها.
cli-sync-tidied = حُذفت حزم رأتها كل الحواسيب الموثوقة: { $removed }؛ وبقيت: { $kept }.
cli-sync-tidy-failed = { $file }: تعذّر حذفه: { $error }
cli-sync-tidy-some-failed = حزم تعذّر حذفها: { $count } (انظر أعلاه)؛ أُبقيت
cli-sync-tidy-no-folder = { $folder }: لا يوجد مجلد بهذا الاسم؛ أعطِ المجلد المشترك الذي فيه الحزم. لم يُحذف شيء
cli-sync-refused = { $file }: رُفض: { $error }؛ لم يُستخدم منه شيء
cli-sync-some-refused = مرفوضة أو متخطّاة: { $count } (انظر أعلاه)؛ استُوردت البقية
cli-sync-status-held = المحفوظ من كل جهاز (أعلى تغيير دون فجوة):
cli-sync-status-parked = ، معلّقة بعد فجوة: { $count }
cli-sync-status-trusted = الأجهزة الموثوقة: { $count }
cli-sync-status-forks = التفرّعات (تغييران مختلفان بهوية حاسوب واحد؛ docs/recovery.md):
cli-sync-status-fork = { $code } التغيير { $seq }: نسخة ثانية عبر { $via }، لم تُطبَّق (التغييرات: { $count })
cli-sync-status-digest = ملخّص الحالة: { $digest }
cli-not-a-date = "{ $text }" ليس تاريخًا: اكتبه بالشكل YYYY-MM-DD
cli-too-large-not = { $file } أكبر مما يمكن أن يكون عليه ملف كهذا (أكثر من { $limit } بايت): ليس { $what }

## daleel team
cli-what-team-key = مفتاح فريق محفوظًا
cli-what-request = طلب انضمام
cli-what-certificate = شهادة
cli-label-team = الفريق:
cli-label-team-key = مفتاح الفريق:
cli-label-role = الدور:
cli-team-key-passphrase = عبارة مرور مفتاح الفريق:
cli-team-key-no-terminal = لا توجد طرفية لكتابة عبارة مرور مفتاح الفريق: أعطها بـ --key-passphrase-file FILE
cli-team-restore-confirm = نقل مفتاح الفريق هذا إلى هذا الحاسوب واعتماده منسقًا؟
cli-team-name-missing = سمِّ الفريق بـ --name (مثلًا "CRC Mosul")
cli-team-init-confirm = إنشاء الفريق "{ $team }" وهذا الحاسوب أول منسق فيه؟ يبقى مفتاح الفريق على هذا الحاسوب؛ احتفظ بنسخة منه بالأمر daleel team save-key.
cli-team-made = هذا الحاسوب ({ $code }) منسق في الفريق "{ $team }". بصمة مفتاح الفريق: { $key } (تقارنها الأجهزة التي تنضم).
cli-whose-team-key = مفتاح الفريق المحفوظ
cli-team-key-saved = كُتب مفتاح الفريق مشفّرًا بعبارة المرور. احفظ الملف وعبارة المرور منفصلين في مكان آمن: من يملكهما معًا يستطيع اعتماد أجهزة في الفريق.
cli-team-request-written = كُتب طلب { $code } (البصمة { $fingerprint }). احمله إلى المنسق، وقارنا البصمة معًا.
cli-team-no-such-role = لا يوجد دور "{ $role }": اختر واحدًا من { $roles }
cli-team-approve-sensitive = ، ويُسمح له بقراءة حالات GBV وحماية الطفل
cli-team-approve-until = ، حتى { $date }
cli-team-approve-confirm = اعتماد { $code } ({ $fingerprint }) بصفة { $role } لدى { $org }{ $terms }؟ قارن البصمة مع صاحب الحاسوب أولًا.
cli-team-certified = اعتُمد { $code } بصفة { $role } لدى { $org }. احمل الشهادة إلى ذلك الحاسوب: daleel team join { $file }
cli-team-join-confirm = الانضمام إلى الفريق "{ $team }"؟ قارن بصمة مفتاح الفريق مع المنسق أولًا.
cli-team-joined = هذا الحاسوب الآن { $role } لدى { $org } في الفريق "{ $team }" (الأجهزة المعروفة: { $count }). تذهب حزمه إلى أجهزة الفريق.
cli-team-no-such-device = لا يوجد جهاز في الفريق بالبصمة { $fingerprint }: انظر daleel team list
cli-team-revoke-nothing-held = لا يحمل هذا الحاسوب أي تغيير من ذلك الجهاز: حدّد بعد أي تغيير تتوقف تغييراته عن الاحتساب بـ --after-seq N (0: لا يُحتسب أي منها)
cli-team-revoke-confirm = إبطال { $code } ({ $fingerprint })؟ لن يكون لتغييراته بعد الرقم { $after } أي أثر، هنا وفي كل حاسوب يصله هذا.
cli-team-revoked = أُبطل { $code } بعد تغييره { $after }. ينتقل الإبطال في الحزم التالية لهذا الحاسوب.
cli-team-none = هذا الحاسوب خارج أي فريق. ينشئ المنسق فريقًا بالأمر daleel team init، وينضم حاسوب بالأمرين daleel team request وdaleel team join.
cli-team-list-head = الفريق "{ $team }"، المفتاح { $key }
cli-team-member = { $code } { $fingerprint } "{ $name }" { $role } { $org }
cli-team-sensitive = حساس
cli-team-until = حتى { $date }
cli-team-this-laptop = (هذا الحاسوب)
cli-standing-valid = سارية
cli-standing-expired = منتهية
cli-standing-revoked = مُبطَل بعد التغيير { $after }
cli-team-no-effect = تغييرات محفوظة دون أثر: خارج صلاحيات دور جهازها { $beyond }، بعد إبطال { $revoked } (daleel team changes).
cli-team-changes-none = لا يوجد تغيير محفوظ دون أثر.
cli-team-change = { $code } التغيير { $seq }  { $reason }  { $record } { $kind } من { $author } في { $at }
cli-refusal-beyond-role = خارج صلاحيات الدور
cli-refusal-revoked = بعد الإبطال

## daleel workers
cli-new-passphrase-no-terminal = لا توجد طرفية لكتابة عبارة المرور الجديدة: أعطها بـ --new-passphrase-file FILE
cli-new-passphrase-of = عبارة المرور الجديدة لـ { $whose } ({ $min } أحرف على الأقل، لا يسهل تخمينها، ولا تظهر):
cli-new-passphrase = عبارة المرور الجديدة:
cli-new-passphrase-again = العبارة نفسها مرة أخرى:
cli-workers-current = (يعمل الآن)
cli-workers-added = يستطيع { $name } الآن فتح دليل على هذا الحاسوب بعبارة مروره الخاصة.
cli-workers-no-such = { $name } ليس عاملًا على هذا الحاسوب: انظر daleel workers list
cli-workers-remove-confirm = إزالة { $names }؟ لن تفتح عبارات مرورهم دليل هنا بعد الآن (تبقى أسماؤهم على التغييرات التي أجروها). تُشفَّر قاعدة البيانات من جديد بمفتاح جديد، وهذا يستغرق وقتًا مع عدد كبير من الحالات.
cli-workers-removed = أُزيل: { $names } لم يعد بإمكانهم فتح دليل على هذا الحاسوب. قاعدة البيانات مشفّرة بمفتاح جديد وحُذفت الملفات المشفّرة بالمفتاح القديم؛ أي نسخة أو نسخة احتياطية سابقة ما زالت تُفتح بعبارات مرورهم.
cli-workers-passphrase-set = تغيّرت عبارة مرور { $name }، وقاعدة البيانات مشفّرة بمفتاح جديد: العبارة القديمة لا تفتح شيئًا في مجلد البيانات هذا (أي نسخة أو نسخة احتياطية سابقة ما زالت تُفتح بها).
cli-workers-kept-aside = ملاحظة: { $folder } يحوي قاعدة البيانات التي استبدلتها عملية استعادة؛ لم يُعَد تشفيرها وما زالت تُفتح بعبارات المرور القديمة: احذفه حين لا تحتاج إليه.
cli-rekeyed = أُعيد تشفير قاعدة البيانات: { $all } قيمة.
cli-rekeying = تشفير قاعدة البيانات بمفتاح جديد: { $gauge } { $done } من { $all } قيمة

## daleel audit, backup, check, demo, erase
cli-audit-none = لا شيء في سجل التدقيق.
cli-audit-none-for = لا شيء في سجل التدقيق عن { $code }.
cli-backup-written = نسخة احتياطية: { $file } ({ $bytes } بايت): الأسر { $households }، الاحتياجات { $needs }، الإحالات { $referrals }.
cli-backup-written-team-key = نسخة احتياطية: { $file } ({ $bytes } بايت): الأسر { $households }، الاحتياجات { $needs }، الإحالات { $referrals }، ومفتاح الفريق.
cli-backup-keep = استعادتها تحتاج عبارة مرور أحد عاملي هذا الحاسوب. احفظها بعيدًا عن الحاسوب (ذاكرة في خزانة مقفلة).
cli-check-repaired = أُصلح: { $what }
cli-check-problem = مشكلة: { $problem }
cli-check-whole = قاعدة البيانات سليمة: الفهارس وسجلات التغييرات والبيانات وسجل التدقيق متّسقة.
cli-check-problems = مشكلات: { $count } (أعلاه)
cli-check-problems-repair = مشكلات: { $count } (أعلاه): الأمر daleel check --repair يعيد حساب ما يمكن اشتقاقه
cli-demo-zero = --households يجب أن يكون 1 على الأقل
cli-demo-making = إنشاء أسر تجريبية: { $done } من { $all }
cli-demo-made = أُنشئت حالات تجريبية (البذرة { $seed }) في { $seconds } ث: الأسر { $households }، الاحتياجات { $needs }، الإحالات { $referrals }، الخدمات { $services }، المنظمات { $organizations }.
cli-demo-note = مجلد البيانات هذا الآن قاعدة بيانات تجريبية: لا تختلط أبدًا بالبيانات الحقيقية.
cli-erase-no-such = لا توجد أسرة برمز الحالة { $code }
cli-erase-already = { $code } ممحوّة من قبل
cli-erase-confirm = محو { $code }؟ تُزال أسماؤها وهاتفها وقريتها وتفاصيل أفرادها وإجاباتها وملاحظاتها من هذا الحاسوب، ومن كل حاسوب يصله هذا المحو مع الحزم التالية، وتبقى الأعداد المجهولة الهوية. النسخ الاحتياطية السابقة هي النسخة الوحيدة المتبقية. لا يمكن التراجع عن هذا.
cli-erased = مُحيت { $code }: الأسرة والاحتياجات ({ $needs }) والإحالات ({ $referrals }) لا يبقى منها إلا ما يُحصيها، وتغييرات السجل ({ $changes }) لم تعد تحمل قيمها. أرسل حزمة لتمحوها الحواسيب الأخرى أيضًا.

## daleel export, gazetteer
cli-export-coordinators-only = { $flag } للمنسقين فقط: هذا الحاسوب معتمد بصفة { $role }
cli-export-sensitive-only = { $flag } خاص بالمنسقين المعتمدين لحالات العنف القائم على النوع الاجتماعي وحماية الطفل: شهادة هذا الحاسوب لا تنص على ذلك (اسأل منسق الفريق)
cli-export-no-such = لا يوجد تصدير "{ $table }": اختر needs أو referrals أو services أو 4w
cli-export-detail = --detail { $detail }: اختر district (الافتراضي governorate)
cli-export-written = كُتبت الصفوف ({ $count }) مع وسوم HXL في السطر الثاني: بلا أسماء ولا أرقام هواتف ولا نص حر ولا رموز حالات.
cli-export-written-codes = كُتبت الصفوف ({ $count }) مع وسوم HXL في السطر الثاني: بلا أسماء ولا أرقام هواتف ولا نص حر.
cli-period-missing = { $flag } غير موجود: حدّد الفترة بالشكل --since YYYY-MM-DD --until YYYY-MM-DD (مع اليومين)
cli-export-period-4w-only = ‏--since و--until خاصّان بـ export 4w؛ أما needs وreferrals وservices فتُصدَّر كاملة
cli-export-4w-no-detail = لا يقبل export 4w الخيار --detail ولا --with-case-codes: فهو يعدّ الأشخاص، ومعه رموز المستويات الإدارية 1 و2 و3 أصلاً
cli-export-4w-written = كُتب جدول 4W للفترة من { $since } إلى { $until }: { $count } نشاطاً ومجاميعها، مع وسوم HXL في السطر الثاني؛ الأعداد الصغيرة تُركت فارغة (انظر عمود suppressed).
cli-gazetteer-too-large = { $file } أكبر من { $limit } ميغابايت: ملف CSV للأقضية والنواحي أصغر بكثير؛ تأكّد أنه الملف الصحيح
cli-gazetteer-not-utf8 = { $file } ليس نصًا بترميز UTF-8: احفظه بصيغة CSV UTF-8 وحاول مرة أخرى
cli-gazetteer-refused = { $file }: { $error }؛ لم يُستورد شيء
cli-gazetteer-imported = استُوردت الأقضية ({ $districts }) والنواحي ({ $subs }) من { $file }.

## daleel identity, referral
cli-identity-name-length = اسم الجهاز من 1 إلى 60 حرفًا، مثلًا "CRC Mosul laptop 3"
cli-identity-no-name = (بلا اسم بعد: عيّنه بالأمر daleel identity --name NAME)
cli-identity-name = الاسم
cli-identity-code = رمز الجهاز
cli-identity-fingerprint = البصمة
cli-identity-card-written = كُتبت بطاقة تعريف { $code } (البصمة { $fingerprint }). على من يستوردها أن يقارن هذه البصمة معك.
cli-identity-age-key-written = كُتبت هوية age الخاصة بـ { $code }: تفتح كل حزمة مرسلة إلى هذا الحاسوب. احفظها بأمان الحاسوب نفسه، واحذفها حين تنتهي.
cli-referral-unknown-status = حالة غير معروفة { $status }؛ اختر واحدة من: { $statuses }
cli-referral-overdue = متأخرة
cli-referral-not-an-id = { $id } ليس معرّف إحالة: انظر daleel referral list
cli-referral-unknown-outcome = نتيجة غير معروفة { $outcome }؛ اختر successful أو واحدة من: { $outcomes }
cli-referral-no-draft = لا يمكن إعادة إحالة إلى مسودة
cli-referral-moved = الإحالة الآن: { $status }.
cli-referral-slip-not-an-id = "{ $id }" ليس معرّف إحالة: انسخ واحدًا من daleel referral list
cli-referral-slip-written = كُتبت قسيمة الإحالة: اطبعها، أو أعطها للجهة المستقبِلة.

## daleel report, restore, services
cli-report-not-a-date = { $flag } { $text } ليس تاريخًا: اكتبه بالشكل YYYY-MM-DD
cli-report-until-before-since = --until قبل --since
cli-restore-backup-of = نسخة احتياطية للحاسوب { $device }، أُنشئت في { $made }.
cli-restore-confirm = استبدال قاعدة البيانات في { $folder } بهذه النسخة الاحتياطية؟ تُحفظ قاعدة البيانات الموجودة جانبًا ولا تُحذف.
cli-restore-needs-passphrase = الاستعادة تحتاج عبارة مرور أحد عاملي الحاسوب المنسوخ: --passphrase-file FILE أو DALEEL_PASSPHRASE (و--worker NAME إن كان فيه أكثر من عامل)
cli-restore-passphrase = عبارة مرور أحد عاملي الحاسوب المنسوخ:
cli-restore-progress = جارٍ الاستعادة: { $count } مُدخل
cli-restored = استُعيدت النسخة الاحتياطية للحاسوب { $device } المُنشأة في { $made }: الأسر { $households }، الاحتياجات { $needs }، الإحالات { $referrals }.
cli-restore-kept = قاعدة البيانات التي كانت هنا محفوظة في { $folder }: احذف ذلك المجلد بعد التحقق من القاعدة المستعادة.
cli-restore-new-identity = لهذا الحاسوب هوية جديدة: الرمز { $code }، البصمة { $fingerprint }. (هويته القديمة، { $old }، لا تُستخدم مرة أخرى، كي لا يُعطى رقم تغيير مرتين.)
cli-restore-whole = قاعدة البيانات المستعادة سليمة: الفهارس وسجلات التغييرات والبيانات وسجل التدقيق متّسقة.
cli-restore-team-certified = الفريق "{ $team }": هذا الحاسوب معتمد منسقًا بمفتاح الفريق من النسخة الاحتياطية.
cli-restore-team-request = الفريق "{ $team }": يحتاج هذا الحاسوب إلى شهادة جديدة. اكتب طلبًا (daleel team request --out DRIVE) واطلب من منسق اعتماده.
cli-restore-trust-again = على الحواسيب التي تبادل معها هذا الحاسوب الحزم أن تثق بهويته الجديدة: أعطها بطاقته (daleel identity export --out DRIVE).
cli-restore-then = ثم استورد أحدث الحزم من الحواسيب الأخرى: تعيد ما تغيّر بعد النسخة الاحتياطية. إن فُقد الحاسوب القديم أو سُرق، فليُبطله منسق (daleel team revoke { $fingerprint }).
cli-restore-problems = مشكلات في قاعدة البيانات المستعادة: { $count } (أعلاه): الأمر daleel check --repair يعيد حساب ما يمكن اشتقاقه
cli-services-unknown-sector = قطاع غير معروف { $sector }؛ اختر واحدًا من: { $sectors }
cli-services-unknown-place = رمز مكان غير معروف { $code }؛ استخدم رمز P-code لمحافظة مثل IQG15 (نينوى) أو IQG01 (الأنبار)
cli-services-none = لا توجد خدمة مطابقة. جرّب كلمات أقل، أو احذف --sector / --governorate.
cli-services-sample = نموذجية
cli-services-preview = مضافة { $added }، متغيّرة { $changed }، دون تغيير { $unchanged }، مشكلات { $problems }
cli-services-new = جديدة: { $name }
cli-services-changed = متغيّرة: { $name }
cli-services-strict = مشكلات: { $count } (أعلاه) مع --strict: لم يُطبَّق شيء؛ صحّح الملفات واستورد مرة أخرى
cli-services-nothing = لا شيء للتغيير: الدليل يحوي كل ذلك من قبل.
cli-services-confirm = تطبيق السجلات الجديدة ({ $added }) والمتغيّرة ({ $changed }) على الدليل؟
cli-services-applied = طُبّقت السجلات: { $count }؛ تصل إلى الحواسيب الأخرى مع الحزم التالية.
cli-services-exported = كُتبت المنظمات ({ $orgs }) والخدمات ({ $services }) بصيغة HSDS 3.0 الجدولية في { $folder }.
cli-services-template-written = كُتب جدول الخدمات: السطر الثاني يشرح كل عمود. عدّله في جدول بيانات، واحفظه بصيغة CSV، ثم استورده بالأمر daleel services import.

## Core errors as the command line says them in Arabic and Kurdish (src/cli/errors.rs).
cli-err-json = تعذّرت كتابة JSON: { $error }
cli-err-not-empty = قاعدة البيانات هذه فيها أسر من قبل ({ $count }): الحالات التجريبية توضع في مجلد بيانات فارغ (استخدم --data-dir)
cli-err-real-records = قاعدة البيانات هذه فيها بيانات حقيقية: الحالات التجريبية توضع في مجلد بيانات خاص بها (استخدم --data-dir)
cli-err-log-gap = سجل تغييرات { $device } تنقصه التغييرات من الرقم { $first } فما بعده: لم يُكتب شيء (daleel check يوضح أكثر)
cli-err-not-trusted = لا يوجد جهاز موثوق بالبصمة { $fingerprint }: انظر daleel trust list
cli-err-open-elsewhere = قاعدة البيانات هذه مفتوحة في نافذة دليل أخرى: أغلق تلك النافذة أولًا، أو استخدم --data-dir آخر
cli-err-locked = قاعدة البيانات هذه مفتوحة في نافذة دليل أخرى ({ $folder }): أغلق تلك النافذة أولًا، أو استخدم --data-dir آخر
cli-err-data-folder = تعذّر استخدام مجلد البيانات { $folder }: { $error }؛ أو اختر مجلدًا آخر بـ --data-dir
cli-err-needs-first-worker = قاعدة البيانات الجديدة مشفّرة وتحتاج أول عامل: أعطِ اسمًا (--worker NAME أو DALEEL_WORKER) وعبارة مرور من { $min } أحرف على الأقل (--passphrase-file FILE أو DALEEL_PASSPHRASE)
cli-err-needs-passphrase = قاعدة البيانات هذه مشفّرة: أعطِ عبارة مرورك (--passphrase-file FILE أو DALEEL_PASSPHRASE)، واسمك (--worker NAME أو DALEEL_WORKER) إن كان للحاسوب أكثر من عامل
cli-err-which-worker = لقاعدة البيانات هذه أكثر من عامل: قل من أنت (--worker NAME أو DALEEL_WORKER)
cli-err-old-slots = { $names }: عيّن عبارات مرورهم إصدار أقدم من دليل، ولا يمكن إعطاؤهم مفتاح بيانات جديدًا بدونها. ليفتح كل منهم دليل مرة على هذا الحاسوب (فتتحدّث)، ثم أعد هذا؛ ويمكن إزالة العامل الذي غادر في الأمر نفسه (daleel workers remove NAME NAME...)
cli-err-no-team-yet = هذا الحاسوب خارج أي فريق: أنشئ فريقًا بالأمر daleel team init
cli-err-no-org = أعطِ منظمة الجهاز (--org)
cli-err-nothing-held = لا يحمل هذا الحاسوب أي تغيير من ذلك الجهاز: حدّد بعد أي تغيير تتوقف تغييراته عن الاحتساب بـ --after-seq N (0: كلها)
cli-err-bundle-folder = { $folder } ليس مجلدًا: أعطِ --out المجلد على ذاكرة USB لتُكتب الحزمة فيه
cli-err-no-receiver = لا يوجد حاسوب موثوق يستقبل حزمة: تُشفَّر الحزم للحواسيب التي يثق بها هذا الحاسوب؛ أضف واحدًا بالأمر daleel trust add CARD (ببطاقة من هذا الإصدار من دليل)
cli-err-no-partner-device = لا يوجد جهاز شريك معتمد لـ { $org }: اعتمد واحدًا بالأمر daleel team approve REQUEST --role partner --org "{ $org }"
cli-err-sender-not-trusted = المرسل { $code } ({ $fingerprint }) غير موثوق على هذا الحاسوب: استورد بطاقة تعريفه أولًا (daleel trust add)
cli-err-not-a-backup = { $file } ليس نسخة احتياطية من دليل: اختر ملف .{ $ext } الذي كتبه الأمر daleel backup
cli-err-config = ملف الإعدادات { $file }، السطر { $line }: { $error }
cli-err-config-read = تعذّرت قراءة ملف الإعدادات { $file }: { $error }
cli-err-no-such-file = تعذّرت قراءة { $file }: لا يوجد ملف بهذا الاسم
cli-err-unreadable = تعذّرت قراءة { $file }: { $error }
cli-err-directory-too-large = { $file } أكبر مما يمكن أن يكون عليه ملف دليل ({ $limit } ميغابايت على الأكثر)
cli-err-directory-too-many-values = يحوي { $file } قيمًا أكثر مما يمكن أن يحويه ملف دليل ({ $limit } على الأكثر): قسّمه، أو صدّر الدليل ملفات CSV بصيغة HSDS.
cli-err-too-many-rows = يحوي { $file } صفوفًا أكثر مما يقرؤه دليل من ملف واحد ({ $limit } على الأكثر): قسّمه ملفات أصغر واستورد كلًّا منها، أو تحقّق من أنه الملف الصحيح.
cli-err-no-header = { $file }: سطره الأول ليس ترويسة CSV: { $error }
cli-err-csv = { $file }: { $error }
cli-err-hsds-not-a-folder = { $file } ليس مجلدًا: أعطِ المجلد الذي فيه services.csv
cli-err-hsds-no-services = { $file } لا يحوي services.csv: ليس دليل HSDS (جدول الخدمات يُستورد بتسمية الملف)
cli-err-not-a-services-sheet = { $file } ليس جدول خدمات: ترويسته بلا عمودي "organization" و"service" (الأمر daleel services template يكتب واحدًا)
cli-err-not-json = { $file } ليس JSON: { $error } (السطر { $line }، العمود { $column })
cli-err-no-service-object = { $file } لا يحوي أي كائن خدمة HSDS
cli-err-list-too-large = { $file } أكبر مما يمكن أن تكون عليه قائمة تسجيل ({ $limit } ميغابايت على الأكثر)
cli-err-workbook = { $file } مصنّف جداول وليس CSV: افتحه في Excel واختر ملف > حفظ باسم > "CSV UTF-8 (Comma delimited) (*.csv)"، ثم استورد ذلك الملف
cli-err-not-csv = { $file } ليس ملف CSV (.csv): قائمة التسجيل تُستورد بصيغة CSV: من جدول بيانات، افتحه في Excel واختر ملف > حفظ باسم > "CSV UTF-8 (Comma delimited) (*.csv)"؛ ومن KoboToolbox أو ODK، نزّل تصدير CSV
cli-err-utf16 = { $file } محفوظ نصًا بترميز Unicode (UTF-16): افتحه في Excel واختر ملف > حفظ باسم > "CSV UTF-8 (Comma delimited) (*.csv)"، ثم استورد ذلك الملف
cli-err-binary = { $file } فيه بايتات ليست نصًا: هل هو الملف الصحيح؟
cli-err-damaged-utf8 = { $file }، السطر { $line }: فيه محرف تالف (الملف بترميز UTF-8 لكن هذا السطر ليس كذلك): صحّح السطر، أو احفظ الملف مرة أخرى بصيغة "CSV UTF-8"، ثم استورده مرة أخرى
cli-err-encoding = { $file } ليس نصًا بترميز UTF-8 ولا نصًا عربيًا بترميز Windows-1256: افتحه في Excel واختر ملف > حفظ باسم > "CSV UTF-8 (Comma delimited) (*.csv)" (في LibreOffice: حفظ باسم، Text CSV، ومجموعة المحارف Unicode (UTF-8))، ثم استورد ذلك الملف
cli-err-missing-column = { $file } بلا عمود { $column }
cli-err-ambiguous-column = { $file }: العمودان "{ $first }" و"{ $second }" قد يكون كلاهما { $column }: سمِّ العمود المقروء في الخريطة ([columns] { $column } = "...")
cli-err-map-unreadable = تعذّرت قراءة الخريطة { $file }: { $error }
cli-err-map-invalid = الخريطة { $file }، السطر { $line }: { $error }
cli-err-by = لا يمكن التجميع حسب "{ $word }": اختر sector أو governorate أو district أو subdistrict أو org، أو أكثر من واحد مفصولة بفواصل
cli-err-gazetteer-column = عمود ناقص { $column }: ملف الأقضية فيه adm2_pcode وadm2_en وadm2_ar وadm1_pcode، وملف النواحي فيه adm3_pcode وadm3_en وadm3_ar وadm2_pcode
cli-err-gazetteer-row = السطر { $line }، العمود { $column }: { $error }
cli-err-gazetteer-unreadable = ليس ملف CSV يستطيع هذا البرنامج قراءته: { $error }
cli-err-gazetteer-empty = الملف بلا صفوف: لا شيء للاستيراد
cli-gazetteer-unreadable-row = صف غير مقروء: { $error }
cli-gazetteer-elsewhere = { $district } يقع في { $parent }، لا في { $governorate }
cli-gazetteer-unknown-governorate = رمز محافظة غير معروف { $code }؛ استورد المحافظات أولًا أو صحّح الرمز
cli-gazetteer-unknown-district = رمز قضاء غير معروف { $code }؛ استورد الأقضية أولًا أو صحّح الرمز
cli-gazetteer-not-inside = { $code } ليس رمزًا داخل { $parent }: المتوقع { $parent }{ $marker } ورقمان
cli-gazetteer-no-english-name = { $code } بلا اسم إنجليزي
cli-gazetteer-twice = { $code } يظهر مرتين باسمين مختلفين
## Screens right to left (issue 17): short dates, the clock, sizes
# The months' short names, for dates in lists ("28 Nov"); a language with no short
# names may write the whole name.
month-short-1 = كانون الثاني
month-short-2 = شباط
month-short-3 = آذار
month-short-4 = نيسان
month-short-5 = أيار
month-short-6 = حزيران
month-short-7 = تموز
month-short-8 = آب
month-short-9 = أيلول
month-short-10 = تشرين الأول
month-short-11 = تشرين الثاني
month-short-12 = كانون الأول
# A date in a list: $day is a number, $month a short name above.
date-short = { $day } { $month }
# The days of the week, Monday first, as the clock in the status line names them.
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
# The clock in the status line: "Sun 29 Nov 11:00".
clock = { $weekday } { $day } { $month } { $time }
# A bundle's size on the Sync screen.
sync-size-kib = { $size } ك.ب

# issue 18: what an HSDS import does not keep, and the directory's sample
cli-services-not-kept = لن يُحفظ (لا حقل له في دليل؛ يبقى في الملفات):
cli-services-not-kept-column = { $file }، العمود { $column }: { $count ->
        [one] قيمة واحدة
       *[other] { $count } قيم
    }
cli-services-not-kept-file = { $file }: { $count ->
        [one] صف واحد
       *[other] { $count } صفوف
    } (الجدول كله)
cli-stats-sample-some = ({ $count } منها من دليل الخدمات النموذجي المدمج، لا تُصدَّر أبدًا)
detail-extension = تحويلة
detail-email = البريد الإلكتروني
detail-web = الموقع
