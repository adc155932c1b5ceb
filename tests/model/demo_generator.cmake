add_qt_test(NAME tst_demogenerator SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_demogenerator.cpp LIBS contactguard_model)
