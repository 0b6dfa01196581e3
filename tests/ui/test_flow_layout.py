"""The flow layout (ui/widgets/flow_layout.py): its minimum is its widest item, it wraps onto
further rows when narrow (its height follows its width), a stretch pushes the rest of its row to
the right, a stretched widget takes what its row leaves, and nothing lies outside it."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.widgets.flow_layout import FlowLayout


def _bar(qtbot, widths, stretch_at=None, grow=None):  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host, spacing=10)
    flow.setContentsMargins(0, 0, 0, 0)
    buttons = []
    for i, w in enumerate(widths):
        if i == stretch_at:
            flow.addStretch(1)
        b = QWidget(host)  # no style sheet sizes it (a button is, once the style is on)
        b.setFixedSize(w, 40)
        flow.addWidget(b, 1 if i == grow else 0)
        buttons.append(b)
    return host, flow, buttons


def test_its_minimum_is_its_widest_item_and_it_wraps(qtbot):
    host, flow, buttons = _bar(qtbot, [100, 230, 70])
    assert flow.minimumSize().width() == 230
    assert flow.sizeHint().width() == 100 + 230 + 70 + 2 * 10
    assert flow.heightForWidth(420) == 40  # one row
    assert flow.heightForWidth(400) == 90  # b2 on a second row
    assert flow.heightForWidth(240) == 140  # one a row
    host.resize(400, 90)
    host.show()
    qtbot.waitExposed(host)
    assert [(b.x(), b.y()) for b in buttons] == [(0, 0), (110, 0), (0, 50)]
    for b in buttons:
        assert host.rect().contains(b.geometry())


def test_a_stretch_pushes_the_rest_right_and_a_grown_widget_takes_the_row(qtbot):
    host, flow, buttons = _bar(qtbot, [100, 80], stretch_at=1)
    flow.setGeometry(host.rect().adjusted(0, 0, 500 - host.width(), 0))
    assert buttons[0].x() == 0 and buttons[1].geometry().right() == 499
    host2, flow2, buttons2 = _bar(qtbot, [100, 80], grow=0)
    buttons2[0].setMaximumWidth(10_000)
    buttons2[0].setMinimumWidth(0)
    flow2.setGeometry(host2.rect().adjusted(0, 0, 500 - host2.width(), 0))
    assert buttons2[0].width() == 500 - 80 - 10 and buttons2[1].geometry().right() == 499
