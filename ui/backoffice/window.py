"""The back office's window: a manager's login, then a navigation (Översikt, Rapporter,
Personal, Synk ...) beside the page it shows.

Every page is reached by a tap on the navigation, by its shortcut (``page_shortcut``: Ctrl+1..9
and Ctrl+0 for the first ten, Ctrl+Shift+1..9 and Ctrl+Shift+0 for the next ten; shown under its
title and in its tooltip), or by F6 (to the navigation) and the arrow keys; F5 reloads the page shown, Ctrl+L logs
out. A page is a ``Page``: it loads its figures on a worker
lane when it is shown (``activate``) and never waits on the database or the network itself.
Pages join the list as they are built (``PAGES``).
"""
from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QMessageBox, QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from pos.staff import StaffMember
from ui.backoffice import operations as op
from ui.backoffice.context import BackofficeContext
from ui.backoffice.login_page import BackofficeLogin
from ui.backoffice.page import Page
from ui.i18n.messages import message_for
from ui.lanes import Lanes
from ui.widgets.style import metrics, set_role

log = logging.getLogger(__name__)


def page_factories() -> list[Callable[[Lanes, BackofficeContext], Page]]:
    """The pages in the navigation's order (Ctrl+1 the first)."""
    from ui.backoffice.campaigns_page import CampaignsPage
    from ui.backoffice.dashboard_page import DashboardPage
    from ui.backoffice.interest_page import InterestPage
    from ui.backoffice.devices_page import DevicesPage
    from ui.backoffice.journal_page import JournalPage
    from ui.backoffice.labels_page import LabelsPage
    from ui.backoffice.reports_page import ReportsPage
    from ui.backoffice.staff_page import StaffPage
    from ui.backoffice.stock_page import StockPage
    from ui.backoffice.sync_page import SyncPage
    from ui.backoffice.orders_page import OrdersPage
    return [DashboardPage, ReportsPage, StaffPage, SyncPage, JournalPage, DevicesPage,
            CampaignsPage,
            StockPage, OrdersPage,
            LabelsPage, InterestPage]


def page_shortcut(index: int) -> str:
    """The key that shows the page at ``index`` (0 the first): Ctrl+1..9 and Ctrl+0 by its place,
    the next ten with Shift as well; past twenty none (F6 and the arrows still reach it)."""
    row, place = divmod(index, 10)
    digit = (place + 1) % 10
    return ("Ctrl+", "Ctrl+Shift+")[row] + str(digit) if row < 2 else ""


class BackofficeWindow(QMainWindow):
    def __init__(self, ctx: BackofficeContext, lanes: Lanes | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backofficeWindow")
        self.setWindowTitle(self.tr("omnipos back office"))
        self.ctx = ctx
        self.lanes = lanes or Lanes(self)
        self.last_exception: BaseException | None = None
        for lane in self.lanes.all:
            lane.user_error.connect(self.show_user_error)
            lane.unexpected_error.connect(self.show_exception)
        m = metrics()

        self.stack = QStackedWidget(self)
        self.login_page = BackofficeLogin(self.lanes, ctx, self.stack)
        self.login_page.logged_in.connect(self.enter)
        self.stack.addWidget(self.login_page)

        self.main = QWidget(self.stack)
        self.main.setObjectName("backofficeMain")
        bar = QHBoxLayout()
        self.title = QLabel(self.tr("Back office"), self.main)
        set_role(self.title, "heading")
        self.store_label = QLabel(ctx.store.store_name, self.main)
        self.store_label.setProperty("role", "muted")
        self.user_label = QLabel(self.main)
        self.user_label.setObjectName("backofficeUser")
        self.logout_button = QPushButton(self.tr("Log out (Ctrl+L)"), self.main)
        self.logout_button.setObjectName("logoutButton")
        self.logout_button.clicked.connect(self.logout)
        bar.addWidget(self.title)
        bar.addWidget(self.store_label)
        bar.addStretch(1)
        bar.addWidget(self.user_label)
        bar.addWidget(self.logout_button)

        self.nav = QListWidget(self.main)
        self.nav.setObjectName("backofficeNav")
        self.nav.setStyleSheet(f"QListWidget::item {{ min-height: {m.touch(52) - 8}px; "
                               f"padding: 4px {m.px(12)}px; }}")
        self.pages = QStackedWidget(self.main)
        self.page_list: list[Page] = []
        for i, factory in enumerate(page_factories()):
            page = factory(self.lanes, ctx)
            page.setParent(self.pages)
            self.pages.addWidget(page)
            self.page_list.append(page)
            key = page_shortcut(i)
            item = QListWidgetItem(f"{page.title()}\n{key}" if key else page.title())
            item.setToolTip(f"{page.title()} ({key})" if key else page.title())
            item.setSizeHint(QSize(1, m.touch(60)))  # the list's width decides
            self.nav.addItem(item)
            if key:
                shortcut = QShortcut(QKeySequence(key), self.main)
                shortcut.activated.connect(lambda i=i: self.show_page(i))
        # as narrow as its widest title (Swedish's are longer), at most 230 px drawn for 1280
        fm = self.nav.fontMetrics()
        widest = max(fm.horizontalAdvance(line) for i in range(self.nav.count())
                     for line in self.nav.item(i).text().split("\n"))
        self.nav.setFixedWidth(min(m.px(230), widest + 2 * m.px(12) + m.px(28)))
        self.nav.currentRowChanged.connect(self._nav_changed)
        QShortcut(QKeySequence("F5"), self.main).activated.connect(self.reload)
        # F6 to the navigation (the pane key of desktop programs): the arrows then reach every
        # page, those past Ctrl+0 too
        QShortcut(QKeySequence("F6"), self.main).activated.connect(self.nav.setFocus)
        QShortcut(QKeySequence("Ctrl+L"), self.main).activated.connect(self.logout)

        body = QHBoxLayout()
        body.setSpacing(m.px(16))
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self.main)
        layout.setContentsMargins(m.px(16), m.px(10), m.px(16), m.px(16))
        layout.setSpacing(m.px(10))
        layout.addLayout(bar)
        from ui.widgets.staff_call_banner import StaffCallBanner  # a kiosk's call for help
        self.staff_calls = StaffCallBanner(
            self.lanes.network, ctx.session_factory,
            lambda: ctx.user.name if ctx.user is not None else "", ctx.now, self.main)
        layout.addWidget(self.staff_calls)
        layout.addLayout(body, 1)
        self.stack.addWidget(self.main)
        self.setCentralWidget(self.stack)
        self.stack.setCurrentWidget(self.login_page)
        self.login_page.load()

    # --- log in and out ------------------------------------------------------------------------

    def enter(self, member: StaffMember) -> None:
        self.ctx.user = member
        self.user_label.setText(self.tr("Logged in: %1").replace("%1", member.name))
        self.stack.setCurrentWidget(self.main)
        self.show_page(0)
        self.nav.setFocus()

    def logout(self) -> None:
        if self.ctx.user is None:
            return
        op.logout(self.lanes, self.ctx)
        self.ctx.user = None
        self.stack.setCurrentWidget(self.login_page)
        self.login_page.load()

    # --- pages ---------------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        if self.ctx.user is None or not 0 <= index < len(self.page_list):
            return
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)  # comes back through _nav_changed
            return
        self._nav_changed(index)

    def _nav_changed(self, index: int) -> None:
        if self.ctx.user is None or not 0 <= index < len(self.page_list):
            return
        page = self.page_list[index]
        self.pages.setCurrentWidget(page)
        page.activate()

    def current_page(self) -> Page:
        page = self.pages.currentWidget()
        assert isinstance(page, Page)
        return page

    def page(self, cls: type) -> Page:
        return next(p for p in self.page_list if isinstance(p, cls))

    def reload(self) -> None:
        if self.ctx.user is not None:
            self.current_page().activate()

    # --- showing it ------------------------------------------------------------------------------

    def show_on(self, screen: QScreen | None = None) -> None:
        """Maximised on ``screen`` (default: the primary one)."""
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.availableGeometry())
        self.showMaximized()

    # --- errors --------------------------------------------------------------------------------

    def show_user_error(self, exc: BaseException) -> None:
        if self.ctx.user is None:
            self.login_page.show_message(message_for(exc), "error")
        else:
            self.current_page().show_message(message_for(exc), "error")

    def show_exception(self, exc: BaseException, tb: str = "") -> None:
        """The one place unexpected errors are shown (and logged); the back office goes on."""
        log.error("unexpected error: %s\n%s", exc, tb or "".join(traceback.format_exception(exc)))
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Something went wrong"),
                          self.tr("The back office hit an unexpected error. Nothing was "
                                  "changed by the step that failed.\n\n%1")
                          .replace("%1", f"{type(exc).__name__}: {exc}"),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("exceptionDialog")
        box.setDetailedText(tb)
        box.open()
        self.last_exception = exc

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.ctx.user is not None:
            self.logout()
        self.lanes.shutdown()
        super().closeEvent(event)


