"""E-mail over SMTP (the standard library's ``smtplib`` and ``email``): digital receipts
(``ReceiptMailer``) and notices to customers (``CustomerNotifier``). ``settings`` reads ``[mail]``,
``smtp`` sends, ``receipts`` and ``notifier`` build the e-mails, ``cli`` is ``pos mail``."""
