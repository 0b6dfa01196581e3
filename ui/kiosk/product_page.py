"""The product page: image (the central store's, cached on disk; a placeholder when none),
name, description, the price the till would charge with the campaign that applies now, sizes
and colours, stock here / in the other stores / online with the nearest store that has it, and
alternatives. The page comes from the local database (offline too); stock and the image from
the network lane, each when it is ready."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (QBoxLayout, QFrame, QGridLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from pos.catalog import Variant
from pos.services import kiosk as use
from pos.services.kiosk import ProductPage
from ui.i18n.messages import message_for
from ui.kiosk.context import KioskContext
from ui.kiosk.widgets import TileGrid, article_text, is_portrait, kronor, label
from ui.widgets.bind import bind
from ui.widgets.style import MUTED, set_role


def placeholder(side: int, text: str) -> QPixmap:
    pix = QPixmap(side, side)
    pix.fill(QColor("#e6e9e4"))
    p = QPainter(pix)
    p.setPen(QColor(MUTED))
    f = p.font()
    f.setPixelSize(max(14, side // 12))
    p.setFont(f)
    p.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    p.end()
    return pix


class ProductView(QWidget):
    add_to_cart = Signal(object)  # Variant
    order_article = Signal(object)  # Variant: none here, order it sent home or to another store
    open_article = Signal(str)
    back = Signal()

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("productPage")
        self.ctx = ctx
        self.page: ProductPage | None = None
        self.back_button = QPushButton(self.tr("\u2190 Back"), self)
        self.back_button.setObjectName("productBack")
        self.back_button.clicked.connect(self.back)
        self.image = QLabel(self)
        self.image.setObjectName("productImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = label("", "title", self)
        self.name.setObjectName("productName")
        self.price = label("", "price", self)
        self.price.setObjectName("productPrice")
        self.campaign = label("", "campaign", self)
        self.campaign.setObjectName("productCampaign")
        self.description = label("", "", self)
        self.sizes_label = label(self.tr("Size"), "muted", self)
        self.sizes = QGridLayout()
        self.colours_label = label(self.tr("Colour"), "muted", self)
        self.colours = QGridLayout()
        self.stock_heading = label(self.tr("In stock"), "heading", self)
        self.stock = label(self.tr("Asking the stores\u2026"), "", self)
        self.stock.setObjectName("productStock")
        self.nearest = label("", "", self)
        self.nearest.setObjectName("productNearest")
        self.order = QPushButton(self.tr("Not here: order it home or to another store"), self)
        self.order.setObjectName("productOrder")
        self.order.clicked.connect(lambda: self.page and self.order_article.emit(
            self.page.variant))
        self.order.hide()  # shown when the stock lookup says none is here
        self.add = QPushButton(self.tr("Add to cart"), self)
        self.add.setObjectName("addToCart")
        set_role(self.add, "primary")
        self.add.clicked.connect(self._add)
        self.message = label("", "message", self)
        self.message.hide()
        self.alternatives_heading = label(self.tr("You may also like"), "heading", self)
        self.alternatives = TileGrid("productAlternatives", self, columns=4)

        info = QVBoxLayout()
        for w in (self.name, self.price, self.campaign, self.add, self.message, self.description,
                  self.sizes_label):
            info.addWidget(w)
        info.addLayout(self.sizes)
        info.addWidget(self.colours_label)
        info.addLayout(self.colours)
        for w in (self.stock_heading, self.stock, self.nearest, self.order):
            info.addWidget(w)
        info.addStretch(1)
        self.side = QVBoxLayout()  # the image; in landscape the alternatives under it
        self.side.addWidget(self.image, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.top.addLayout(self.side)
        self.top.addLayout(info, 1)
        inner = QWidget(self)
        self.content = content = QVBoxLayout(inner)
        content.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        content.addLayout(self.top)
        self._place_alternatives(portrait=False)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._image_side = 420
        self._chip_columns = 6

    def _place_alternatives(self, portrait: bool) -> None:
        """Below everything in portrait; under the image (beside the details) in landscape."""
        for w in (self.alternatives_heading, self.alternatives):
            self.side.removeWidget(w)
            self.content.removeWidget(w)
        target = self.content if portrait else self.side
        target.addWidget(self.alternatives_heading)
        target.addWidget(self.alternatives, 1)

    def fit(self, width: int, height: int) -> None:
        portrait = is_portrait(width, height)
        self._place_alternatives(portrait)
        self.top.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                              else QBoxLayout.Direction.LeftToRight)
        self._image_side = int(min(width, height) * (0.55 if portrait else 0.4))
        self.image.setFixedSize(self._image_side, self._image_side)
        self.alternatives.set_columns(2 if portrait else 1)
        self._chip_columns = 5 if portrait else 6
        self.alternatives.setMinimumHeight(int(height * (0.22 if portrait else 0.3)))
        if portrait:
            self.alternatives.setMinimumWidth(0)
            self.alternatives.setMaximumWidth(16777215)
        else:
            self.alternatives.setFixedWidth(self._image_side)
        if self.page is not None and self.image.pixmap().isNull():
            self._show_image(None)

    # --- loading ---------------------------------------------------------------------------------

    def load(self, variant_id: str) -> None:
        ctx = self.ctx
        self.message.hide()
        self.order.hide()
        ctx.db.run(lambda: use.product_page(ctx.uow("db"), variant_id,
                                            use.promotion_book(ctx.uow("db")),
                                            location=ctx.settings.here),
                   self.show_page, self.show_error)

    def show_page(self, page: ProductPage) -> None:
        self.page = page
        v = page.variant
        self.name.setText(page.info.title if page.info else (v.product_name or v.name))
        self.description.setText(page.info.description if page.info else "")
        self.description.setVisible(bool(self.description.text()))
        if page.price.discount:
            self.price.setText(f"{kronor(page.price.total)}  <s style='font-size:60%'>"
                               f"{kronor(v.price)}</s>")
            self.campaign.setText(", ".join(
                self.tr("%1: you save %2").replace("%1", name).replace("%2", kronor(amount))
                for name, amount in page.campaigns))
        else:
            self.price.setText(kronor(v.price))
            self.campaign.setText("")
        self.price.setTextFormat(Qt.TextFormat.RichText)
        self.campaign.setVisible(bool(page.price.discount))
        self._chips(self.sizes, self.sizes_label, page.sizes, v.size, "size")
        self._chips(self.colours, self.colours_label, page.colours, v.colour, "colour")
        self.alternatives.show_items(list(page.alternatives), article_text,
                                     lambda a: self.open_article.emit(a.id))
        self.alternatives_heading.setVisible(bool(page.alternatives))
        self.stock.setText(self.tr("Asking the stores\u2026"))
        self.nearest.setText("")
        self._show_image(None)
        ctx = self.ctx
        # its own lane: a slow read of the web's product texts or of an image on the network
        # lane never holds up "In stock" (a refusal or an unreachable store: the synced figures)
        ctx.lane("stock").run(lambda: use.with_stock(ctx.uow("stock"), page,
                                                     ctx.central("stock"), ctx.settings),
                              self.show_stock, self._stock_failed)
        url = page.info.thumbnail if page.info else ""
        if url and ctx.images is not None:
            ctx.net.run(lambda: ctx.images.get(url), self._image_ready,
                        lambda _e: self._show_image(ctx.images.cached(url)))

    def _chips(self, row: QGridLayout, heading: QLabel, values: list[str], current: str,
               kind: str) -> None:
        while row.count():
            item = row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        heading.setVisible(len(values) > 1)
        if len(values) <= 1:
            return
        for i, value in enumerate(values):
            b = QPushButton(value, self)
            b.setObjectName(f"{kind}_{value}")
            set_role(b, "chip")
            b.setCheckable(True)
            b.setChecked(value == current)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(bind(self.choose, kind, value))
            row.addWidget(b, i // self._chip_columns, i % self._chip_columns)

    def choose(self, kind: str, value: str) -> None:
        """Another size or colour: the variant with it (and the other choice kept if it has)."""
        if self.page is None:
            return
        v = self.page.variant
        want = {"size": v.size, "colour": v.colour, kind: value}
        candidates = [x for x in self.page.variants if getattr(x, kind) == value]
        best = next((x for x in candidates if x.size == want["size"] and x.colour == want["colour"]),
                    candidates[0] if candidates else None)
        if best is not None and best.id != v.id:
            self.load(best.id)

    def show_stock(self, page: ProductPage) -> None:
        if self.page is None or page.variant.id != self.page.variant.id:
            return
        self.page = page
        report = page.stock
        if report is None:
            return
        here = self.ctx.settings.here
        lines = []
        for lv in report.levels:
            place = self.ctx.settings.place_of(lv.location_id)
            name = place.name if place else lv.location_name
            if lv.location_id == here:
                name = self.tr("Here (%1)").replace("%1", name)
            elif place is not None and not place.is_store:
                name = self.tr("Online")
            lines.append(self.tr("%1: %n in stock", "", lv.available).replace("%1", name))
        if not report.fresh:
            lines.append(self.tr("(as last synced; the central store cannot be asked now)"))
        self.order.setVisible(report.available_here() <= 0 and any(
            lv.available > 0 for lv in report.levels))
        self.stock.setText("\n".join(lines) or self.tr("No stock figures yet"))
        if page.nearest is not None:
            self.nearest.setText(self.tr("Nearest other store with it: %1, %2 km")
                                 .replace("%1", page.nearest.name)
                                 .replace("%2", f"{page.nearest.km:.0f}"))
        else:
            self.nearest.setText("")

    def _image_ready(self, path: Path) -> None:
        self._show_image(path)

    def _show_image(self, path: Path | None) -> None:
        side = self._image_side
        pix = QPixmap(str(path)) if path is not None else QPixmap()
        if pix.isNull():
            pix = placeholder(side, self.tr("No picture"))
        self.image.setPixmap(pix.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                        Qt.TransformationMode.SmoothTransformation))

    def _add(self) -> None:
        if self.page is not None:
            self.add_to_cart.emit(self.page.variant)

    def _stock_failed(self, exc: BaseException) -> None:
        self.stock.setText(self.tr("No stock figures yet"))
        self.show_error(exc)

    def show_error(self, exc: BaseException) -> None:
        self.message.setText(message_for(exc))
        self.message.show()

    def chosen(self) -> Variant | None:
        return self.page.variant if self.page else None
